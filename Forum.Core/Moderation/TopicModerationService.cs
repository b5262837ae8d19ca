using Forum.Core.Permissions;
using Forum.Core.Accounts;
using Forum.Core.Categories;
using Forum.Core.Events;
using Forum.Core.Topics;

namespace Forum.Core.Moderation;

/// <summary>Staff move, rename, slow down, delete and restore topics, and move posts between topics.</summary>
public sealed class TopicModerationService(ITopicStore topics, ICategoryStore categories, IModerationStore moderation,
    IEventPublisher events, TimeProvider clock)
{
    public const int SlowModeMaxMinutes = 24 * 60;

    public async Task<Outcome<bool>> MoveAsync(Viewer staff, long topicId, long? categoryId, CancellationToken ct)
    {
        if (await RefusalAsync(staff, topicId, ct) is { } refused) return refused;
        if (categoryId is not { } id || await categories.FindAsync(id, staff, ct) is null)
            return Outcome<bool>.Refused(new FieldError("CategoryId", "Choose a category."));
        return await PublishAsync(staff, topicId, StaffActions.TopicMoved,
            await moderation.MoveTopicAsync(topicId, id, staff.UserId!.Value, Now, ct), ct);
    }

    public async Task<Outcome<bool>> RenameAsync(Viewer staff, long topicId, string title, CancellationToken ct)
    {
        if (await RefusalAsync(staff, topicId, ct) is { } refused) return refused;
        title = TopicRules.NormalizeTitle(title);
        var errors = TopicRules.CheckTitle(title).ToList();
        if (errors.Count > 0) return Outcome<bool>.Refused(errors);
        return await PublishAsync(staff, topicId, StaffActions.TopicRenamed,
            await moderation.RenameTopicAsync(topicId, title, Slug.For(title), staff.UserId!.Value, Now, ct), ct);
    }

    /// <summary>Each member may post once per <paramref name="minutes"/> in the topic; 0 turns slow mode off.</summary>
    public async Task<Outcome<bool>> SetSlowModeAsync(Viewer staff, long topicId, int minutes, CancellationToken ct)
    {
        if (await RefusalAsync(staff, topicId, ct) is { } refused) return refused;
        if (minutes is < 0 or > SlowModeMaxMinutes)
            return Outcome<bool>.Refused(new FieldError("SlowModeMinutes", "Slow mode must be 0 to {0} minutes.", SlowModeMaxMinutes));
        return await PublishAsync(staff, topicId, StaffActions.SlowModeSet,
            await moderation.SetSlowModeAsync(topicId, minutes, staff.UserId!.Value, Now, ct), ct);
    }

    public async Task<Outcome<bool>> SetDeletedAsync(Viewer staff, long topicId, bool deleted, CancellationToken ct)
    {
        if (ModerationRules.RefuseUnlessStaff<bool>(staff) is { } refused) return refused;
        // A deleted topic is invisible to FindAccessAsync, so look through the page read, which shows it to staff.
        if (await topics.GetPageAsync(topicId, staff, 1, 0, ct) is null) return Outcome<bool>.Refused(Guardian.TopicNotFound);
        return await PublishAsync(staff, topicId, deleted ? StaffActions.TopicDeleted : StaffActions.TopicRestored,
            await moderation.SetTopicDeletedAsync(topicId, deleted, staff.UserId!.Value, Now, ct), ct);
    }

    /// <summary>Moves replies to the end of another topic ("merge"); the source keeps its other posts' numbers.</summary>
    public async Task<Outcome<MovedPosts>> MergeAsync(Viewer staff, long topicId, string postNumbers, long? targetTopicId, CancellationToken ct)
    {
        if (await RefusalAsync(staff, topicId, ct) is { } refused) return Outcome<MovedPosts>.Refused(refused.Errors);
        var numbers = ParsePostNumbers(postNumbers);
        if (numbers is null) return Outcome<MovedPosts>.Refused(BadNumbers);
        if (targetTopicId is not { } target || target == topicId || await topics.FindAccessAsync(target, staff, ct) is null)
            return Outcome<MovedPosts>.Refused(new FieldError("TargetTopicId", "Choose another existing topic."));
        return await MoveAsync(staff, topicId, numbers, target, null, null, StaffActions.PostsMerged, ct);
    }

    /// <summary>Moves replies into a new topic ("split"); the first one moved becomes its first post.</summary>
    public async Task<Outcome<MovedPosts>> SplitAsync(Viewer staff, long topicId, string postNumbers, string title, long? categoryId, CancellationToken ct)
    {
        if (await RefusalAsync(staff, topicId, ct) is { } refused) return Outcome<MovedPosts>.Refused(refused.Errors);
        var numbers = ParsePostNumbers(postNumbers);
        title = TopicRules.NormalizeTitle(title);
        var errors = TopicRules.CheckTitle(title).ToList();
        if (numbers is null) errors.Add(BadNumbers);
        if (categoryId is not { } id || await categories.FindAsync(id, staff, ct) is null) errors.Add(new FieldError("CategoryId", "Choose a category."));
        if (errors.Count > 0) return Outcome<MovedPosts>.Refused(errors);
        return await MoveAsync(staff, topicId, numbers!, null, title, categoryId, StaffActions.PostsSplit, ct);
    }

    private static readonly FieldError BadNumbers =
        new("PostNumbers", "List the replies to move by number, like 3, 5-7. The first post cannot be moved.");

    /// <summary>"3, 5-7" → [3, 5, 6, 7]; null when unreadable, empty, too many, or naming post 1.</summary>
    public static IReadOnlyList<int>? ParsePostNumbers(string text)
    {
        var numbers = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length is < 1 or > 2 || !int.TryParse(range[0], out var from)) return null;
            var to = from;
            if (range.Length == 2 && !int.TryParse(range[1], out to)) return null;
            if (from < 2 || to < from || to - from > 1000) return null;
            for (var n = from; n <= to; n++) numbers.Add(n);
            if (numbers.Count > 1000) return null;
        }
        return numbers.Count == 0 ? null : numbers.ToList();
    }

    private async Task<Outcome<MovedPosts>> MoveAsync(Viewer staff, long topicId, IReadOnlyList<int> numbers, long? target,
        string? title, long? categoryId, string action, CancellationToken ct)
    {
        var moved = await moderation.MovePostsAsync(topicId, numbers, target, title, title is null ? null : Slug.For(title),
            categoryId, staff.UserId!.Value, Now, ct);
        if (moved is null) return Outcome<MovedPosts>.Refused(BadNumbers);
        await events.PublishAsync(new TopicStatusChanged(topicId, TopicStatus.Changed, staff.UserId!.Value), ct);
        await events.PublishAsync(new TopicStatusChanged(moved.TargetTopicId, TopicStatus.Changed, staff.UserId!.Value), ct);
        return Outcome<MovedPosts>.Ok(moved);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Outcome<bool>?> RefusalAsync(Viewer staff, long topicId, CancellationToken ct)
    {
        if (ModerationRules.RefuseUnlessStaff<bool>(staff) is { } refused) return refused;
        return await topics.FindAccessAsync(topicId, staff, ct) is null ? Outcome<bool>.Refused(Guardian.TopicNotFound) : null;
    }

    private async Task<Outcome<bool>> PublishAsync(Viewer staff, long topicId, string action, TopicChangeResult? changed, CancellationToken ct)
    {
        if (changed is null) return Outcome<bool>.Ok(false);
        var staffId = staff.UserId!.Value;
        await events.PublishAsync(new TopicStatusChanged(topicId, TopicStatus.Changed, staffId), ct);
        if (changed.OwnerId != staffId) await events.PublishAsync(new ModeratorActed(changed.OwnerId, topicId, null, action, staffId), ct);
        return Outcome<bool>.Ok(true);
    }
}
