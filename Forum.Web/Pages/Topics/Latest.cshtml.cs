using Forum.Core.Categories;
using Forum.Core.Notifications;
using Forum.Core.Topics;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Forum.Web.Pages.Topics;

/// <summary>/, /latest and /c/{slug}/{id}: topics by last activity, pinned first, keyset-paged.</summary>
public sealed class LatestModel(ITopicStore topics, ICategoryStore categories, IReadStateStore readState,
    IOptions<Core.ForumOptions> options, TimeProvider clock) : ForumPageModel
{
    /// <summary>The member's level for the category shown; null on /latest and for guests.</summary>
    public NotificationLevel? CategoryLevel { get; private set; }

    public TopicList List { get; private set; } = new([], [], null);
    public Category? Category { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, long? id, string? before, CancellationToken ct)
    {
        if (id is { } categoryId)
        {
            Category = await categories.FindAsync(categoryId, Viewer, ct);
            if (Category is null) return NotFound();
            if (slug != Category.Slug) return RedirectPermanent($"/c/{Category.Slug}/{Category.Id}");
            if (Viewer.UserId is { } memberId)
                CategoryLevel = await readState.CategoryLevelAsync(memberId, categoryId, ct) ?? NotificationLevel.Normal;
        }
        // Lists are where a visit starts; topics that appeared since the previous one are marked new.
        if (Viewer.UserId is { } userId) await readState.StampVisitAsync(userId, clock.GetUtcNow().UtcDateTime, ct);
        List = await topics.ListAsync(new TopicListQuery(Viewer, Category?.Id, TopicListCursor.Parse(before), options.Value.TopicsPerPage), ct);
        return Page();
    }

    public string MoreLink(TopicListCursor next) =>
        (Category is null ? "/latest" : $"/c/{Category.Slug}/{Category.Id}") + $"?before={next}";
}
