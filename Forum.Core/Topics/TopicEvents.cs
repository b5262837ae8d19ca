namespace Forum.Core.Topics;

public sealed record TopicCreated(long TopicId, long CategoryId, long AuthorId);

public enum TopicStatus { Closed, Opened, Pinned, Unpinned, Archived, Unarchived, Unlisted, Listed, Changed }

public sealed record TopicStatusChanged(long TopicId, TopicStatus Status, long ByUserId);

/// <summary>
/// Who may receive live news of a topic, re-read at each push. Public topics go to whoever watches them, less
/// <see cref="SuspendedWatcherIds"/>; a restricted category's topics (and a deleted topic, which staff alone may
/// read) only to the users listed here (its groups' members and staff, none suspended), so a member removed from a
/// group or suspended stops hearing at once. Lists hear of a topic only while <see cref="IsListed"/>.
/// </summary>
public sealed record TopicAudience(long CategoryId, long? ParentCategoryId, bool IsRestricted, long[] AllowedUserIds, bool IsListed,
    long[] SuspendedWatcherIds);
