namespace Forum.Core.Accounts;

/// <summary>
/// The time zones members may choose: those PostgreSQL knows (digests are scheduled in SQL with AT TIME ZONE) and
/// this machine's clock library too (pages and mails show local times), by their canonical names.
/// </summary>
public interface ITimeZoneStore
{
    /// <summary>The zone's name as PostgreSQL spells it (<c>europe/madrid</c> → <c>Europe/Madrid</c>); null if unknown.</summary>
    Task<string?> CanonicalAsync(string name, CancellationToken ct);

    /// <summary>Every zone, in ordinal order.</summary>
    Task<IReadOnlyList<string>> AllAsync(CancellationToken ct);
}
