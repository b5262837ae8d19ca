using Forum.Core.Notifications;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Notifications;

/// <summary>POST /my/preferences/notifications: the levels a member's own topics and replies start at.</summary>
[Authorize]
public sealed class PreferencesModel(NotificationService notifications) : ForumPageModel
{
    public IActionResult OnGet() => Redirect("/my/preferences");

    public async Task<IActionResult> OnPostAsync([FromForm] int onCreate, [FromForm] int onReply, CancellationToken ct)
    {
        var outcome = await notifications.SavePreferencesAsync(Viewer, onCreate, onReply, ct);
        return outcome.Succeeded ? Redirect("/my/preferences?saved=true") : RefusedPage(outcome.Errors.Select(e => e with { Field = "" }).ToList());
    }
}
