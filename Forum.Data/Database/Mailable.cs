namespace Forum.Data.Database;

/// <summary>
/// Core's <see cref="Forum.Core.Mail.NeverMailed"/> rule as a SQL predicate over alias <c>u</c> (users): whether the
/// member's address may be mailed at all. Every query choosing whom to mail uses it.
/// </summary>
internal static class Mailable
{
    public const string Member = "u.email NOT ILIKE '%.invalid'";
}
