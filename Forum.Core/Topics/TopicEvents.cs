namespace Forum.Core.Topics;

public sealed record TopicCreated(long TopicId, long CategoryId, long AuthorId);

public enum TopicStatus { Closed, Opened, Pinned, Unpinned, Archived, Unarchived, Unlisted, Listed, Changed }

public sealed record TopicStatusChanged(long TopicId, TopicStatus Status, long ByUserId);

/// <summary>
/// Who may receive live news of a topic. Public topics go to whoever watches them; a restricted
/// category's topics only to the users listed here (its groups' members and staff), re-read at each push
/// so a member removed from a group stops hearing at once.
/// </summary>
public sealed record TopicAudience(long CategoryId, long? ParentCategoryId, bool IsRestricted, long[] AllowedUserIds);
