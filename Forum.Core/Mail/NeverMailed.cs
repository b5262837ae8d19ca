namespace Forum.Core.Mail;

/// <summary>
/// Addresses under the reserved top-level domain <c>.invalid</c> (RFC 2606) can never receive mail. The forum gives
/// them to members who must never be mailed (the demo's) and sends nothing to them: notification emails and
/// digests leave them out when choosing whom to mail, and the mailers drop whatever still reaches them.
/// </summary>
public static class NeverMailed
{
    /// <summary>The demo members' domain: `demo-reader@demo.example.invalid`.</summary>
    public const string DemoDomain = "demo.example.invalid";

    public static bool Matches(string address) => address.TrimEnd().EndsWith(".invalid", StringComparison.OrdinalIgnoreCase);
}
