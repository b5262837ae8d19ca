using Forum.Core.Notifications;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Notifications;

/// <summary>POST /my/preferences/notifications: the levels a member's own topics and replies start at, and mail while away.</summary>
[Authorize]
public sealed class PreferencesModel(NotificationService notifications) : ForumPageModel
{
    public IActionResult OnGet() => Redirect("/my/preferences");

    /// <summary>An unticked checkbox posts nothing, which binds as false.</summary>
    public async Task<IActionResult> OnPostAsync([FromForm] int onCreate, [FromForm] int onReply, [FromForm] bool emailWhenAway, CancellationToken ct)
    {
        var outcome = await notifications.SavePreferencesAsync(Viewer, onCreate, onReply, emailWhenAway, ct);
        return outcome.Succeeded ? Redirect("/my/preferences?saved=true") : RefusedPage(outcome.Errors.Select(e => e with { Field = "" }).ToList());
    }
}
