using System.Globalization;
using Forum.Core.Accounts;
using Forum.Core.Notifications;
using Forum.Core.Moderation;
using Forum.Core.Permissions;

namespace Forum.Core.Topics;

public sealed record TopicListItem(
    long Id, string Title, string Slug, long CategoryId, string CategoryName, string CategorySlug, string CategoryColor,
    int PostsCount, int Views, int LikeCount, DateTime BumpedAt, DateTime CreatedAt,
    string? LastPosterUsername, bool IsPinned, bool IsClosed,
    int HighestPostNumber, int? LastReadPostNumber, NotificationLevel NotificationLevel, bool IsNew, bool IsDeleted,
    string? PosterUsernames = null, string? PosterAvatarFiles = null)
{
    /// <summary>
    /// Discourse's "posters": the topic's starter, then the latest others to post, up to five, each with their avatar
    /// (null: the letter avatar). Both lists come space-separated, in the same order.
    /// </summary>
    public IEnumerable<(string Username, string? AvatarFile)> Posters
    {
        get
        {
            var files = (PosterAvatarFiles ?? "").Split(' ');
            return (PosterUsernames ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select((name, i) => (name, i < files.Length && files[i].Length > 0 ? files[i] : null));
        }
    }

    public int ReplyCount => Math.Max(0, PostsCount - 1);

    /// <summary>Shown for topics the member has opened and tracks or watches, as Discourse does.</summary>
    public int UnreadCount => LastReadPostNumber is > 0 and var read && NotificationLevel >= NotificationLevel.Tracking
        ? Math.Max(0, HighestPostNumber - read)
        : 0;

    /// <summary>Where opening the topic from a list lands: the first post not read yet, or the top.</summary>
    public int? FirstUnreadPostNumber => LastReadPostNumber is > 0 and var read && read < HighestPostNumber ? read + 1 : null;
}

/// <summary>Where the next page of a topic list starts: the last row shown, by last activity.</summary>
public sealed record TopicListCursor(DateTime BumpedAt, long Id)
{
    public override string ToString() => $"{BumpedAt.Ticks}-{Id}";

    public static TopicListCursor? Parse(string? text)
    {
        var parts = text?.Split('-');
        return parts is [var ticks, var id]
               && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
               && t is > 0 && t <= DateTime.MaxValue.Ticks
               && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            ? new TopicListCursor(new DateTime(t, DateTimeKind.Utc), i)
            : null;
    }
}

/// <summary>Which topics a list by last activity shows (Discourse's latest, new and unread).</summary>
public enum TopicListKind
{
    Latest,
    /// <summary>Created within the new-topic window (<see cref="TopicListQuery.NewSince"/>) and never opened by the member.</summary>
    New,
    /// <summary>Opened before, tracked or watched, with posts past the member's last read one (as Discourse).</summary>
    Unread,
}

public sealed record TopicListQuery(Viewer Viewer, long? CategoryId, TopicListCursor? Before, int Take)
{
    public TopicListKind Kind { get; init; } = TopicListKind.Latest;

    /// <summary>For <see cref="TopicListKind.New"/> and the tab counts: topics created after this moment are new.</summary>
    public DateTime? NewSince { get; init; }
}

/// <summary>The counts on the New and Unread tabs for a member.</summary>
public sealed record TopicListCounts(int New, int Unread)
{
    public static readonly TopicListCounts None = new(0, 0);
}

/// <summary>The periods of /top, as Discourse's.</summary>
public enum TopPeriod { Day, Week, Month, Year, All }

public static class TopPeriods
{
    /// <summary>Discourse's names (daily, weekly, …) and the short ones (day, week, …); null for anything else.</summary>
    public static TopPeriod? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "day" or "daily" => TopPeriod.Day,
        "week" or "weekly" => TopPeriod.Week,
        "month" or "monthly" => TopPeriod.Month,
        "year" or "yearly" => TopPeriod.Year,
        "all" => TopPeriod.All,
        _ => null,
    };

    public static string Name(TopPeriod period) => period.ToString().ToLowerInvariant();

    /// <summary>Where the period starts, counted back from <paramref name="now"/>; null for all time.</summary>
    public static DateTime? Since(TopPeriod period, DateTime now) => period switch
    {
        TopPeriod.Day => now.AddDays(-1),
        TopPeriod.Week => now.AddDays(-7),
        TopPeriod.Month => now.AddMonths(-1),
        TopPeriod.Year => now.AddYears(-1),
        _ => null,
    };
}

/// <summary>Where the next page of /top starts: the last row shown, by score.</summary>
public sealed record TopTopicsCursor(long Score, long Id)
{
    public override string ToString() => $"{Score}-{Id}";

    public static TopTopicsCursor? Parse(string? text)
    {
        var parts = text?.Split('-');
        return parts is [var score, var id]
               && long.TryParse(score, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
               && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            ? new TopTopicsCursor(s, i)
            : null;
    }
}

/// <param name="Since">Activity from this moment on counts; null counts all of it.</param>
public sealed record TopTopicsQuery(Viewer Viewer, DateTime? Since, TopTopicsCursor? After, int Take);

public sealed record TopTopicList(IReadOnlyList<TopicListItem> Topics, TopTopicsCursor? Next);

/// <summary>Pinned topics come only with the first page, above the rest.</summary>
public sealed record TopicList(IReadOnlyList<TopicListItem> Pinned, IReadOnlyList<TopicListItem> Topics, TopicListCursor? Next);

public sealed record TopicHeader(
    long Id, string Title, string Slug, long CategoryId, string CategoryName, string CategorySlug, string CategoryColor,
    long UserId, int PostsCount, int HighestPostNumber, int Views, int LikeCount, DateTime CreatedAt,
    bool IsClosed, bool IsPinned, bool IsDeleted);

public sealed record PostView(
    long Id, int PostNumber, long UserId, string Username, string AuthorName, string AuthorOrganization,
    string Cooked, int? ReplyToPostNumber, string? ReplyToUsername, int LikeCount, bool IsLikedByViewer,
    int Version, DateTime CreatedAt, DateTime UpdatedAt, bool IsDeleted, bool IsHidden, bool IsLocked, bool IsDeletedByAuthor,
    string? AuthorAvatarFile = null)
{
    public PostFacts Facts => new(UserId, PostNumber, IsDeleted, IsHidden, IsLocked, IsDeletedByAuthor);
}

/// <summary>A page of a topic, with the small-action entries ("closed by @mod") that fall between its posts.</summary>
public sealed record TopicPage(TopicHeader Topic, IReadOnlyList<PostView> Posts, IReadOnlyList<TopicActionView> Actions, TopicModerationState Moderation)
{
    public TopicFacts Facts => new(Topic.IsDeleted, Topic.IsClosed, Moderation.IsArchived);

    /// <summary>How far the member had read before this page was shown (0: never opened; always 0 for guests).</summary>
    public int LastReadPostNumber { get; init; }
}

/// <summary>A place in a topic: where a jump lands.</summary>
public sealed record TopicSpot(string Slug, int PostNumber);

public sealed record NewTopic(long CategoryId, long UserId, string Title, string Slug, string Raw, string Cooked, int CookedVersion, DateTime CreatedAt)
{
    /// <summary>Whom the first post names; notified, with the category's watchers, in the same transaction.</summary>
    public PostNotices Notices { get; init; } = PostNotices.None;
}

public sealed record CreatedTopic(long Id, string Slug)
{
    public IReadOnlyList<long> NotifiedUserIds { get; init; } = [];

    public IReadOnlyList<string> UnnotifiedMentions { get; init; } = [];
}

/// <summary>What a writer needs to know about a topic before touching it.</summary>
public sealed record TopicAccess(long Id, string Slug, long CategoryId, bool IsClosed, int HighestPostNumber);
