namespace Forum.Core.Notifications;

/// <summary>A member and the notifications one activity email tells them about.</summary>
public sealed record NotificationEmailBatch(long Id, int Attempt, NotificationEmailMember Member, IReadOnlyList<EmailedNotification> Notifications);

public sealed record NotificationEmailMember(long Id, string Username, string Name, string Email, string Locale, string TimeZone);

public sealed record EmailedNotification(
    NotificationKind Kind, string TopicTitle, string TopicSlug, long TopicId, int PostNumber,
    string ActorUsername, string PostRaw, string Detail, DateTime CreatedAt);

public interface INotificationEmailStore
{
    /// <summary>
    /// Claims, for each member who is away and has mentions, quotes or replies waiting longer than
    /// <paramref name="batchAfter"/>, a batch holding all of them; returns the new batches' ids. A notification joins
    /// one batch only, even when two schedulers run at once.
    /// </summary>
    Task<IReadOnlyList<long>> ClaimBatchesAsync(DateTime now, TimeSpan awayAfter, TimeSpan batchAfter, int take, CancellationToken ct);

    /// <summary>The batch to send, counting this attempt; null once it was sent.</summary>
    Task<NotificationEmailBatch?> StartAttemptAsync(long batchId, CancellationToken ct);

    Task MarkSentAsync(long batchId, DateTime at, CancellationToken ct);

    Task MarkFailedAsync(long batchId, string error, CancellationToken ct);
}
