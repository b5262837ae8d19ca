namespace Forum.Core.Digests;

public interface IDigestStore
{
    /// <summary>
    /// Members whose digest is due at <paramref name="now"/> (frequency elapsed since their last delivery, local
    /// hour reached unless <paramref name="ignoreHour"/>, confirmed address, not seen since the window began),
    /// at most <paramref name="take"/>, by id; <paramref name="onlyUserId"/> narrows it to one member.
    /// </summary>
    Task<IReadOnlyList<DueDigest>> DueAsync(DateTime now, bool ignoreHour, long? onlyUserId, int take, CancellationToken ct);

    /// <summary>
    /// Claims the member's digest for the window: the attempt number, or null when it was already sent or
    /// skipped, another attempt is under way, a neighbouring window already had one, or the member is gone.
    /// </summary>
    Task<int?> TryClaimAsync(long userId, DateOnly period, DateTime now, CancellationToken ct);

    Task MarkSentAsync(long userId, DateOnly period, DateTime at, CancellationToken ct);

    Task MarkSkippedAsync(long userId, DateOnly period, string reason, DateTime at, CancellationToken ct);

    /// <summary>Records why the attempt failed; the claim stays, and the next attempt may take it over.</summary>
    Task MarkFailedAsync(long userId, DateOnly period, string error, CancellationToken ct);

    Task<DigestMember?> MemberAsync(long userId, DateTime now, CancellationToken ct);

    /// <summary>The window from member.Since to <paramref name="until"/>, as that member may and wants to read it.</summary>
    Task<DigestWindow> WindowAsync(DigestMember member, DateTime until, int take, CancellationToken ct);

    /// <summary>New topics and posts per category between <paramref name="since"/> and <paramref name="until"/>, for everyone.</summary>
    Task<IReadOnlyList<CategoryActivity>> CategoryActivityAsync(DateTime since, DateTime until, CancellationToken ct);

    Task<DigestPreferences?> PreferencesAsync(long userId, CancellationToken ct);

    Task<bool> SetPreferencesAsync(long userId, DigestPreferences preferences, CancellationToken ct);

    Task<bool> SetFrequencyAsync(long userId, DigestFrequency frequency, CancellationToken ct);
}
