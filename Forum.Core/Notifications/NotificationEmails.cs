namespace Forum.Core.Notifications;

/// <summary>
/// A member and the notifications one activity email tells them about, checked at send time: <see cref="Skipped"/>
/// holds those the member may no longer read, each with its <see cref="EmailedNotification.SkipReason"/>.
/// </summary>
public sealed record NotificationEmailBatch(long Id, int Attempt, NotificationEmailMember Member, IReadOnlyList<EmailedNotification> Notifications,
    IReadOnlyList<EmailedNotification> Skipped);

public sealed record NotificationEmailMember(long Id, string Username, string Name, string Email, string Locale, string TimeZone);

public sealed record EmailedNotification(
    NotificationKind Kind, string TopicTitle, string TopicSlug, long TopicId, int PostNumber,
    string ActorUsername, string PostRaw, string Detail, DateTime CreatedAt, string? SkipReason);

/// <summary>Why a notification was left out of its email when it was sent; kept beside it, so it is never mailed later.</summary>
public static class EmailSkipReasons
{
    public const string MemberSuspended = "member suspended";
    public const string TopicDeleted = "topic deleted";
    public const string TopicNotReadable = "topic no longer readable by the member";
    public const string PostDeleted = "post deleted";
    public const string PostHidden = "post hidden by flags";
}

public interface INotificationEmailStore
{
    /// <summary>
    /// Claims, for each member who is away and has mentions, quotes or replies waiting longer than
    /// <paramref name="batchAfter"/>, a batch holding all of them; returns the new batches' ids. A notification joins
    /// one batch only, even when two schedulers run at once.
    /// </summary>
    Task<IReadOnlyList<long>> ClaimBatchesAsync(DateTime now, TimeSpan awayAfter, TimeSpan batchAfter, int take, CancellationToken ct);

    /// <summary>
    /// The batch to send, counting this attempt; null once it was sent or skipped. Each notification is checked
    /// against what the member may read at <paramref name="now"/>; those left out are recorded as skipped, for good.
    /// </summary>
    Task<NotificationEmailBatch?> StartAttemptAsync(long batchId, DateTime now, CancellationToken ct);

    Task MarkSentAsync(long batchId, DateTime at, CancellationToken ct);

    /// <summary>Nothing in the batch may be mailed any more: it is closed without sending.</summary>
    Task MarkSkippedAsync(long batchId, DateTime at, CancellationToken ct);

    Task MarkFailedAsync(long batchId, string error, CancellationToken ct);
}
