namespace Forum.Core.Moderation;

public interface IModerationStore
{
    /// <summary>The topic's owner when the status changed; null when it already was so (or the topic is gone).</summary>
    Task<long?> ChangeTopicStatusAsync(TopicStatusChange change, CancellationToken ct);

    /// <summary>"Unpin for me". False when the topic is not pinned or was already dismissed.</summary>
    Task<bool> DismissPinAsync(long topicId, long userId, DateTime at, CancellationToken ct);

    Task<TopicChangeResult?> MoveTopicAsync(long topicId, long categoryId, long staffId, DateTime at, CancellationToken ct);

    Task<TopicChangeResult?> RenameTopicAsync(long topicId, string title, string slug, long staffId, DateTime at, CancellationToken ct);

    Task<TopicChangeResult?> SetSlowModeAsync(long topicId, int minutes, long staffId, DateTime at, CancellationToken ct);

    /// <summary>Soft delete or restore; null when it already was so.</summary>
    Task<TopicChangeResult?> SetTopicDeletedAsync(long topicId, bool deleted, long staffId, DateTime at, CancellationToken ct);

    /// <summary>Replaces the topic's timer; the new one's id.</summary>
    Task<long> SetTimerAsync(NewTopicTimer timer, CancellationToken ct);

    Task<bool> CancelTimerAsync(long topicId, long staffId, DateTime at, CancellationToken ct);

    Task<TopicTimer?> FindTimerAsync(long timerId, CancellationToken ct);

    /// <summary>Deletes the timer if it still fires at <paramref name="executeAt"/> (it was not re-armed meanwhile).</summary>
    Task DeleteTimerAsync(long timerId, DateTime executeAt, CancellationToken ct);

    /// <summary>Moves an "N hours after the last reply" timer to <paramref name="at"/> + N hours; null when the topic has none.</summary>
    Task<TopicTimer?> RearmAfterReplyAsync(long topicId, DateTime at, CancellationToken ct);

    Task<ReplyGate> ReplyGateAsync(long topicId, long userId, CancellationToken ct);

    /// <summary>The post's author when the lock changed; null when it already was so.</summary>
    Task<long?> SetPostLockedAsync(long postId, bool locked, long staffId, DateTime at, CancellationToken ct);

    Task<UserPenalty?> PenaltyAsync(long userId, CancellationToken ct);

    /// <summary>Sets (or, with a null <paramref name="until"/>, lifts) a penalty; false when the user is gone.</summary>
    Task<bool> SetPenaltyAsync(long userId, PenaltyKind kind, DateTime? until, string reason, long staffId, DateTime at, CancellationToken ct);

    /// <summary>
    /// Moves posts to the end of another topic (or of a new one, when <paramref name="newTopicTitle"/> is set),
    /// renumbered in their old order; null when a post is missing, is a first post, or the target is the source.
    /// </summary>
    Task<MovedPosts?> MovePostsAsync(long sourceTopicId, IReadOnlyList<int> postNumbers, long? targetTopicId,
        string? newTopicTitle, string? newTopicSlug, long? newTopicCategoryId, long staffId, DateTime at, CancellationToken ct);

    Task<FlagResult> FlagAsync(NewFlag flag, int flagsToHide, CancellationToken ct);

    /// <summary>Posts with pending flags, longest waiting first.</summary>
    /// <summary>How many posts wait in the review queue, for the header's "Review (n)".</summary>
    Task<int> PendingReviewCountAsync(CancellationToken ct);

    Task<IReadOnlyList<ReviewItem>> ReviewQueueAsync(int take, CancellationToken ct);

    /// <summary>Settles the post's pending flags; null when it had none.</summary>
    Task<ReviewedPost?> ResolveFlagsAsync(long postId, FlagDecision decision, long staffId, DateTime at, CancellationToken ct);

    /// <summary>Which of these members are suspended at <paramref name="now"/>: live pushes leave them out.</summary>
    Task<IReadOnlyList<long>> SuspendedAmongAsync(IReadOnlyCollection<long> userIds, DateTime now, CancellationToken ct);
}
