namespace Forum.Core.Moderation;

/// <summary>The names of staff actions, as written to the staff action log and to topics' small-action entries.</summary>
public static class StaffActions
{
    public const string TopicClosed = "topic_closed", TopicOpened = "topic_opened",
        TopicArchived = "topic_archived", TopicUnarchived = "topic_unarchived",
        TopicUnlisted = "topic_unlisted", TopicListed = "topic_listed",
        TopicPinned = "topic_pinned", TopicPinnedGlobally = "topic_pinned_globally", TopicUnpinned = "topic_unpinned",
        TopicTimerSet = "topic_timer_set", TopicTimerCancelled = "topic_timer_cancelled",
        TopicClosedByTimer = "topic_closed_by_timer", TopicOpenedByTimer = "topic_opened_by_timer",
        TopicMoved = "topic_moved", TopicRenamed = "topic_renamed", SlowModeSet = "slow_mode_set",
        TopicDeleted = "topic_deleted", TopicRestored = "topic_restored",
        PostsMerged = "posts_merged", PostsSplit = "posts_split",
        PostEdited = "post_edited", PostDeleted = "post_deleted", PostRestored = "post_restored",
        PostLocked = "post_locked", PostUnlocked = "post_unlocked",
        FlagAgreed = "flag_agreed", FlagDisagreed = "flag_disagreed", FlagIgnored = "flag_ignored",
        UserSilenced = "user_silenced", UserSuspended = "user_suspended",
        UserUnsilenced = "user_unsilenced", UserUnsuspended = "user_unsuspended",
        CategoryCreated = "category_created", CategoryUpdated = "category_updated", RoleChanged = "role_changed";

    /// <summary>The staff id of what the forum does by itself, with no member behind it: the demo loader, setup.</summary>
    public const long ForumItself = 0;

    /// <summary>Only in threads: the entry a merge leaves in the topic that received the posts.</summary>
    public const string PostsMovedIn = "posts_moved_in";

    public static readonly IReadOnlyList<string> All =
    [
        TopicClosed, TopicOpened, TopicArchived, TopicUnarchived, TopicUnlisted, TopicListed, TopicPinned,
        TopicPinnedGlobally, TopicUnpinned, TopicTimerSet, TopicTimerCancelled, TopicClosedByTimer, TopicOpenedByTimer, TopicMoved, TopicRenamed, SlowModeSet,
        TopicDeleted, TopicRestored, PostsMerged, PostsSplit, PostEdited, PostDeleted, PostRestored, PostLocked,
        PostUnlocked, FlagAgreed, FlagDisagreed, FlagIgnored, UserSilenced, UserSuspended, UserUnsilenced,
        UserUnsuspended, CategoryCreated, CategoryUpdated, RoleChanged,
    ];
}

/// <summary>One line of the staff action log: who did what, to whom or what, why, and what changed.</summary>
public sealed record StaffLogEntry(
    long StaffId, string Action, long? TargetUserId = null, long? TopicId = null, long? PostId = null,
    string Details = "", string Reason = "", string Before = "", string After = "");

public sealed record StaffLogRow(
    long Id, DateTime CreatedAt, string Action, long StaffId, string? StaffUsername, long? TargetUserId,
    string? TargetUsername, long? TopicId, string? TopicTitle, string? TopicSlug, long? PostId, string Details,
    string Reason, string BeforeValue, string AfterValue);

/// <summary>Filters of /admin/logs; <see cref="BeforeId"/> is the keyset cursor (the last id shown).</summary>
public sealed record StaffLogQuery(string? Action, string? StaffUsername, string? TargetUsername, long? BeforeId, int Take);

public interface IStaffLog
{
    Task WriteAsync(StaffLogEntry entry, DateTime at, CancellationToken ct);

    /// <summary>Newest first, one row more than <see cref="StaffLogQuery.Take"/> when there is a further page.</summary>
    Task<IReadOnlyList<StaffLogRow>> PageAsync(StaffLogQuery query, CancellationToken ct);
}
