using Forum.Core.Notifications;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Notifications;

/// <summary>
/// POST /t/{topicId}/read with postNumber=N (and the antiforgery token): the live client reports the highest
/// post that scrolled into view. Answers 204; a topic the reader may not see changes nothing.
/// </summary>
[Authorize]
public sealed class ReadModel(NotificationService notifications) : ForumPageModel
{
    public async Task<IActionResult> OnPostAsync(long topicId, [FromForm] int postNumber, CancellationToken ct)
    {
        await notifications.MarkReadAsync(Viewer, topicId, postNumber, ct);
        return new NoContentResult();
    }
}
