using Forum.Core.Markdown;

namespace Forum.Core.Notifications;

public static class NotificationRules
{
    /// <summary>How many mentions in one post may notify: fewer for new accounts, the usual bait of spammers.</summary>
    public static int MentionLimit(NotificationOptions options, DateTime? authorCreatedAt, DateTime now) =>
        authorCreatedAt is { } created && now - created < TimeSpan.FromDays(options.NewAccountDays)
            ? options.NewAccountMaxMentionsPerPost
            : options.MaxMentionsPerPost;

    /// <summary>
    /// Splits a post's mentions, in order of appearance, into those that notify and those over the limit. A name
    /// counts once; the author's own name and unknown names don't count; a group counts as one mention.
    /// </summary>
    public static (PostNotices Notices, IReadOnlyList<string> OverLimit) Apply(
        MentionedNames names, MentionTargets targets, long authorId, int limit)
    {
        var users = new List<long>();
        var groups = new List<long>();
        var overLimit = new List<string>();
        foreach (var name in names.Mentioned)
        {
            var user = targets.User(name);
            var group = user is null ? targets.Group(name) : null;
            if ((user is null && group is null) || user?.Id == authorId) continue;
            var chosen = (user ?? group)!;
            if (users.Count + groups.Count >= limit) { overLimit.Add(chosen.Name); continue; }
            if (user is not null) users.Add(user.Id); else groups.Add(group!.Id);
        }
        // Quotes name their authors without the writer choosing whom to notify, so they get a limit of their own.
        var quoted = names.Quoted.Select(targets.User).OfType<MentionTarget>()
            .Where(u => u.Id != authorId).Select(u => u.Id).Distinct().Take(limit).ToList();
        return (new PostNotices(users, groups, quoted), overLimit);
    }
}
