using Forum.Core.Notifications;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Notifications;

/// <summary>/notifications/{id}: marks the notification read and lands on the post it is about.</summary>
[Authorize]
public sealed class OpenModel(NotificationService notifications) : ForumPageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await notifications.OpenAsync(Viewer, id, ct) is { } opened ? Redirect(opened.PostUrl) : NotFound();
}
