namespace Forum.Core.Moderation;

/// <summary>
/// A moderator did something to a member's post or topic (hid, deleted, closed, moved…); the member is
/// notified. <see cref="Action"/> is a short English key such as "post_hidden" or "topic_closed".
/// </summary>
public sealed record ModeratorActed(long TargetUserId, long TopicId, int? PostNumber, string Action, long ModeratorId);
