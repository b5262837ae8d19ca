using Forum.Core.Accounts;

namespace Forum.Core.Notifications;

/// <summary>How far members have read, how closely they follow topics and categories, and when they last came by.</summary>
public interface IReadStateStore
{
    /// <summary>
    /// One statement per topic page: counts the view once per viewer and day and, for a member, moves their last
    /// read post up to <see cref="TopicVisit.ReadUpTo"/> and marks notifications about the posts shown as read.
    /// Returns the member's levels for the page's controls (<see cref="TopicLevels.None"/> for guests).
    /// </summary>
    Task<TopicLevels> RecordVisitAsync(TopicVisit visit, CancellationToken ct);

    /// <summary>
    /// Posts seen by the live client: moves the last read post up (never past the topic's last post, and only on
    /// a topic the viewer may read) and marks their notifications read; returns how many notifications that read.
    /// </summary>
    Task<int> MarkReadAsync(Viewer viewer, long topicId, int postNumber, DateTime at, CancellationToken ct);

    Task SetTopicLevelAsync(long userId, long topicId, NotificationLevel level, DateTime at, CancellationToken ct);

    Task SetCategoryLevelAsync(long userId, long categoryId, NotificationLevel level, CancellationToken ct);

    Task<NotificationLevel?> CategoryLevelAsync(long userId, long categoryId, CancellationToken ct);

    /// <summary>
    /// Notes that the member is looking at the forum now. After an hour away this starts a new visit: the previous
    /// one's time is what topic lists compare against to mark topics "new".
    /// </summary>
    Task StampVisitAsync(long userId, DateTime at, CancellationToken ct);
}
