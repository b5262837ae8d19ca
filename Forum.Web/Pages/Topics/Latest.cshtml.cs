using Forum.Core.Categories;
using Forum.Core.Notifications;
using Forum.Core.Topics;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Forum.Web.Pages.Topics;

/// <summary>
/// /, /latest and /c/{slug}/{id}: topics by last activity, pinned first, keyset-paged. /new and /unread: the
/// member's new and unread topics, in the same order. /top (?period=week, or /top/weekly): by activity score.
/// </summary>
public sealed class LatestModel(ITopicStore topics, ICategoryStore categories, IReadStateStore readState,
    IOptions<Core.ForumOptions> options, TimeProvider clock) : ForumPageModel
{
    /// <summary>The member's level for the category shown; null on /latest and for guests.</summary>
    public NotificationLevel? CategoryLevel { get; private set; }

    public TopicList List { get; private set; } = new([], [], null);
    public Category? Category { get; private set; }

    /// <summary>latest, new, unread or top: which tab is shown.</summary>
    public string ListName { get; private set; } = "latest";

    public TopPeriod Period { get; private set; } = TopPeriod.Week;

    /// <summary>The tabs, with New and Unread counts for members; none on a category's page.</summary>
    public TopicListTabs? Tabs { get; private set; }

    /// <summary>Where the next page starts, for the "More topics" link.</summary>
    public string? NextCursor { get; private set; }

    public IEnumerable<TopicListItem> Rows => List.Pinned.Concat(List.Topics);

    public async Task<IActionResult> OnGetAsync(string? slug, long? id, string? list, string? period, string? before, CancellationToken ct)
    {
        ListName = list ?? "latest";
        if (ListName is "new" or "unread" && !Viewer.IsSignedIn) return Challenge();
        if (ListName == "top")
        {
            // /top/weekly (Discourse's older links) and /top?period=week both name the period.
            if (period is not null)
            {
                if (TopPeriods.Parse(period) is not { } chosen)
                    return BadRequestPage(L["Unknown period “{0}”: choose day, week, month, year or all.", period]);
                Period = chosen;
            }
        }
        if (id is { } categoryId)
        {
            Category = await categories.FindAsync(categoryId, Viewer, ct);
            if (Category is null) return NotFound();
            if (slug != Category.Slug) return RedirectPermanent($"/c/{Category.Slug}/{Category.Id}");
            if (Viewer.UserId is { } memberId)
                CategoryLevel = await readState.CategoryLevelAsync(memberId, categoryId, ct) ?? NotificationLevel.Normal;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var newSince = now.AddDays(-options.Value.NewTopicWindowDays);
        // Lists are where a visit starts; topics that appeared since the previous one are marked new.
        if (Viewer.UserId is { } userId) await readState.StampVisitAsync(userId, now, ct);
        var take = options.Value.TopicsPerPage;
        if (ListName == "top")
        {
            var top = await topics.TopAsync(new TopTopicsQuery(Viewer, TopPeriods.Since(Period, now), TopTopicsCursor.Parse(before), take), ct);
            List = new TopicList([], top.Topics, null);
            NextCursor = top.Next?.ToString();
        }
        else
        {
            var kind = ListName switch { "new" => TopicListKind.New, "unread" => TopicListKind.Unread, _ => TopicListKind.Latest };
            List = await topics.ListAsync(new TopicListQuery(Viewer, Category?.Id, TopicListCursor.Parse(before), take)
                { Kind = kind, NewSince = newSince }, ct);
            NextCursor = List.Next?.ToString();
        }
        if (Category is null)
            Tabs = new TopicListTabs(ListName, Viewer.IsSignedIn ? await topics.CountsAsync(Viewer, newSince, ct) : null);
        return Page();
    }

    public string MoreLink() => ListName switch
    {
        "top" => $"/top?period={TopPeriods.Name(Period)}&before={NextCursor}",
        "new" or "unread" => $"/{ListName}?before={NextCursor}",
        _ => (Category is null ? "/latest" : $"/c/{Category.Slug}/{Category.Id}") + $"?before={NextCursor}",
    };

    private IActionResult BadRequestPage(string message)
    {
        ModelState.AddModelError("", message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
