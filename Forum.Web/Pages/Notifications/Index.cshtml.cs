using Forum.Core.Notifications;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Notifications;

/// <summary>/notifications: the member's notifications, newest first, read and unread, one query per page.</summary>
[Authorize]
public sealed class IndexModel(INotificationStore notifications, NotificationService service) : ForumPageModel
{
    public const int PageSize = 30;

    public NotificationPage List { get; private set; } = new([], null);

    public async Task OnGetAsync(string? before, CancellationToken ct) =>
        List = await notifications.ListAsync(Viewer.UserId!.Value, NotificationCursor.Parse(before), PageSize, ct);

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken ct)
    {
        await service.MarkAllReadAsync(Viewer, ct);
        return Redirect("/notifications");
    }
}
