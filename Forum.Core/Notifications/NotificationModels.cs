using System.Globalization;

namespace Forum.Core.Notifications;

/// <summary>Stored as a number; the order of the first six is their priority when one post gives several reasons.</summary>
public enum NotificationKind
{
    Mentioned = 1,
    GroupMentioned = 2,
    Quoted = 3,
    Replied = 4,
    Posted = 5,
    NewTopic = 6,
    Liked = 7,
    ModeratorAction = 8,
}

/// <summary>How closely a member follows a topic or category, as in Discourse.</summary>
public enum NotificationLevel
{
    /// <summary>Hidden from /latest and digests; no notifications at all.</summary>
    Muted = 0,

    /// <summary>Notified of mentions, quotes and replies. On a topic it also means "no choice made": the category's level applies.</summary>
    Normal = 1,

    /// <summary>Normal, plus unread counts in topic lists.</summary>
    Tracking = 2,

    /// <summary>Tracking, plus a notification for every new post (or every new topic, for a category).</summary>
    Watching = 3,
}

public static class NotificationLevels
{
    /// <summary>
    /// A level the member chose for the topic wins, Normal included; without one the category's level applies.
    /// <paramref name="topic"/> is null when nobody chose. Forum.Data's SQL spells the same rule as NotificationSql.EffectiveLevel.
    /// </summary>
    public static NotificationLevel Effective(NotificationLevel? topic, NotificationLevel? category) =>
        topic ?? category ?? NotificationLevel.Normal;

    public static bool IsValid(int level) => Enum.IsDefined((NotificationLevel)level);
}

/// <summary>Whom a new or edited post names: mentioned members and groups (within the limit) and quoted authors.</summary>
public sealed record PostNotices(IReadOnlyList<long> MentionedUserIds, IReadOnlyList<long> MentionedGroupIds, IReadOnlyList<long> QuotedUserIds)
{
    public static readonly PostNotices None = new([], [], []);
}

/// <summary>One notification as its recipient sees it.</summary>
public sealed record Notification(
    long Id, NotificationKind Kind, long TopicId, string TopicSlug, string TopicTitle, int? PostNumber,
    string? ActorUsername, int ActorCount, string Detail, DateTime CreatedAt, bool IsRead, string? ActorAvatarFile = null)
{
    public string PostUrl => PostNumber is { } n ? $"/t/{TopicSlug}/{TopicId}/{n}#post-{n}" : $"/t/{TopicSlug}/{TopicId}";

    /// <summary>Through /notifications/{id}, which marks it read on the way to the post.</summary>
    public string Url => $"/notifications/{Id.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>Where the next page of notifications starts: the last one shown.</summary>
public sealed record NotificationCursor(DateTime CreatedAt, long Id)
{
    public override string ToString() => $"{CreatedAt.Ticks}-{Id}";

    public static NotificationCursor? Parse(string? text)
    {
        var parts = text?.Split('-');
        return parts is [var ticks, var id]
               && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t is > 0 && t <= DateTime.MaxValue.Ticks
               && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            ? new NotificationCursor(new DateTime(t, DateTimeKind.Utc), i)
            : null;
    }
}

public sealed record NotificationPage(IReadOnlyList<Notification> Items, NotificationCursor? Next);

/// <summary>What the header shows: the unread count and the latest few.</summary>
public sealed record NotificationMenu(int UnreadCount, IReadOnlyList<Notification> Latest);

/// <summary>The level a member's own topics and replies give them by default.</summary>
/// <summary>The levels a member's own topics and replies start at, and whether mail reaches them while away.</summary>
public sealed record NotificationPreferences(NotificationLevel OnCreate, NotificationLevel OnReply, bool EmailWhenAway);

/// <summary>A post cooked with its mentions resolved, whom it notifies, and the names left out by the limit.</summary>
public sealed record PreparedPost(Markdown.CookedPost Cooked, PostNotices Notices, IReadOnlyList<string> Unnotified);

/// <summary>Raised after commit when members' unread counts may have changed, so open pages can update.</summary>
public sealed record NotificationCountsChanged(IReadOnlyList<long> UserIds);

/// <summary>A topic page visit: the view counter, and for a member the posts shown as read.</summary>
public sealed record TopicVisit(long TopicId, string ViewerKey, DateOnly Day, long? UserId, int ReadUpTo, DateTime At);

/// <summary>A member's levels for one topic: the topic's own choice and the category's.</summary>
public sealed record TopicLevels(NotificationLevel? Topic, NotificationLevel? Category)
{
    public static readonly TopicLevels None = new(null, null);
    public NotificationLevel Effective => NotificationLevels.Effective(Topic, Category);
}

/// <summary>A member the composer offers after "@": the name to insert, and their full name to tell them apart.</summary>
public sealed record UserSuggestion(string Username, string Name);

/// <summary>What the composer offers for one "@" prefix: members first, then mentionable groups.</summary>
public sealed record MentionSuggestions(IReadOnlyList<UserSuggestion> Users, IReadOnlyList<string> Groups)
{
    public static readonly MentionSuggestions None = new([], []);
}
