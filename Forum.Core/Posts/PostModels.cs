using Forum.Core.Notifications;
using Forum.Core.Permissions;

namespace Forum.Core.Posts;

public sealed record NewReply(long TopicId, long UserId, string Raw, string Cooked, int CookedVersion, int? ReplyToPostNumber, DateTime CreatedAt, bool MayReplyToClosed = false)
{
    /// <summary>Whom the post names; notified in the same transaction as the post is saved.</summary>
    public PostNotices Notices { get; init; } = PostNotices.None;
}

public sealed record SavedReply(long PostId, int PostNumber)
{
    /// <summary>Members who got a notification from this post.</summary>
    public IReadOnlyList<long> NotifiedUserIds { get; init; } = [];

    /// <summary>Mentioned names the mention limit kept from being notified; the author is told.</summary>
    public IReadOnlyList<string> UnnotifiedMentions { get; init; } = [];
}

/// <summary>A post as its editor sees it, with the topic it belongs to and what the Guardian needs of both.</summary>
public sealed record PostForEdit(long Id, long TopicId, string TopicSlug, string TopicTitle, int PostNumber, long UserId, string Username, string Raw, int Version, bool IsDeleted,
    bool IsHidden, bool IsLocked, bool IsTopicDeleted, bool IsTopicClosed, bool IsTopicArchived, bool IsDeletedByAuthor)
{
    public PostFacts Facts => new(UserId, PostNumber, IsDeleted, IsHidden, IsLocked, IsDeletedByAuthor);
    public TopicFacts TopicFacts => new(IsTopicDeleted, IsTopicClosed, IsTopicArchived);
}

public sealed record PostEdit(long PostId, int ExpectedVersion, string Raw, string Cooked, int CookedVersion, long EditorId, DateTime EditedAt)
{
    /// <summary>Whom the new text names; only those not yet notified about this post are.</summary>
    public PostNotices Notices { get; init; } = PostNotices.None;
}

public sealed record PostRevision(int Version, string Raw, string Cooked, string EditorUsername, DateTime CreatedAt);

public sealed record PostLocation(long TopicId, string TopicSlug, int PostNumber)
{
    /// <summary>Mentioned names the mention limit kept from being notified; the author is told.</summary>
    public IReadOnlyList<string> UnnotifiedMentions { get; init; } = [];
}

public sealed record ReplyPosted(long TopicId, long PostId, int PostNumber, long AuthorId);

public sealed record PostEdited(long TopicId, long PostId, int PostNumber);

public sealed record PostDeleted(long TopicId, long PostId, int PostNumber);

public sealed record PostRestored(long TopicId, long PostId, int PostNumber);

public sealed record PostLiked(long TopicId, long PostId, int PostNumber, long AuthorId, long LikerId);
