namespace Forum.Core.Accounts;

/// <summary>When a member was last on the site; digests skip members who came by during their window.</summary>
public interface ILastSeenStore
{
    /// <summary>Records a visit at <paramref name="now"/> unless one was recorded less than <paramref name="resolution"/> before.</summary>
    Task MarkSeenAsync(long userId, DateTime now, TimeSpan resolution, CancellationToken ct);
}
