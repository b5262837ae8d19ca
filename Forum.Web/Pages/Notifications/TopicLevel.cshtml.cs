using Forum.Core;
using Forum.Core.Notifications;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Notifications;

/// <summary>POST /t/{topicId}/notification-level: watching, tracking, normal or muted for one topic.</summary>
[Authorize]
public sealed class TopicLevelModel(NotificationService notifications) : ForumPageModel
{
    public string BackUrl { get; private set; } = "/";

    public IActionResult OnGet(long topicId) => Redirect($"/t/{topicId}");

    public async Task<IActionResult> OnPostAsync(long topicId, [FromForm] int level, CancellationToken ct)
    {
        var outcome = await notifications.SetTopicLevelAsync(Viewer, topicId, level, ct);
        if (outcome.Value is { } topic) return Redirect($"/t/{topic.Slug}/{topic.Id}");
        if (RefusalResponses.KindOf(outcome.Errors) != RefusalKind.Invalid) return NotFound();
        BackUrl = $"/t/{topicId}";
        return RefusedPage(outcome.Errors.Select(e => e with { Field = "" }).ToList());
    }
}
