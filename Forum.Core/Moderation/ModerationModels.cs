namespace Forum.Core.Moderation;

public enum TopicStatusAction { Close, Open, Archive, Unarchive, Unlist, Relist, Pin, PinGlobally, Unpin }

/// <summary>A status change as one write: the topic row (old state named in the WHERE), its thread entry and the log line.</summary>
public sealed record TopicStatusChange(long TopicId, TopicStatusAction Action, string LogAction, long StaffId, string Reason, DateTime? PinnedUntil, DateTime At);

/// <summary>A small-action entry in a thread: "closed by @mod 3 h ago".</summary>
public sealed record TopicActionView(long Id, string Action, string ActorUsername, string Reason, string Details,
    long? RelatedTopicId, string? RelatedTopicSlug, DateTime CreatedAt);

/// <summary>What a topic page shows about moderation besides the header's closed and pinned flags.</summary>
public sealed record TopicModerationState(
    bool IsArchived, bool IsUnlisted, bool IsPinnedGlobally, DateTime? PinnedUntil, bool IsPinDismissed,
    int SlowModeMinutes, string? TimerAction, DateTime? TimerExecuteAt, int? TimerHoursAfterReply)
{
    public static readonly TopicModerationState None = new(false, false, false, null, false, 0, null, null, null);
}

/// <summary>A topic's timer: close or open at <see cref="ExecuteAt"/>.</summary>
public sealed record TopicTimer(long Id, long TopicId, string Action, DateTime ExecuteAt, int? HoursAfterReply, long CreatedById);

public sealed record NewTopicTimer(long TopicId, string Action, DateTime ExecuteAt, int? HoursAfterReply, long StaffId, DateTime At);

/// <summary>A timer to hand to the job scheduler: run <see cref="TimerId"/> at <see cref="ExecuteAt"/>.</summary>
public sealed record TopicTimerArmed(long TimerId, long TopicId, DateTime ExecuteAt);

/// <summary>What stands between a member and a new post in a topic.</summary>
public sealed record ReplyGate(DateTime? SilencedUntil, string SilenceReason, bool IsArchived, int SlowModeMinutes, DateTime? LastPostAt);

public sealed record UserPenalty(DateTime? SilencedUntil, string SilenceReason, DateTime? SuspendedUntil, string SuspendReason)
{
    public bool IsSilencedAt(DateTime now) => SilencedUntil > now;
    public bool IsSuspendedAt(DateTime now) => SuspendedUntil > now;
}

public enum PenaltyKind { Silence, Suspend }

public sealed record MovedPosts(long TargetTopicId, string TargetSlug, int Count);

/// <summary>A moderator's topic change other than status, logged with before and after.</summary>
public sealed record TopicChangeResult(long OwnerId, string Before, string After);

public enum FlagReason { OffTopic, Inappropriate, Spam, Other }

public enum FlagDecision { Agree, Disagree, Ignore }

public sealed record NewFlag(long PostId, long UserId, FlagReason Reason, string Message, DateTime At);

/// <summary><see cref="Added"/> false: this member's flag was already pending. <see cref="HiddenNow"/>: this flag hid the post.</summary>
public sealed record FlagResult(bool Added, bool HiddenNow);

public sealed record ReviewItem(
    long PostId, long TopicId, string TopicSlug, string TopicTitle, int PostNumber, string AuthorUsername, string Cooked,
    bool IsHidden, int FlagCount, string Reasons, string Messages, DateTime FirstFlaggedAt);

/// <summary>The post a review decision touched, for the event and the log.</summary>
public sealed record ReviewedPost(long PostId, long TopicId, int PostNumber, long AuthorId, int FlagCount);
