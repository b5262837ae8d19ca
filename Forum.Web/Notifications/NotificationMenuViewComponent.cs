using Forum.Core.Notifications;
using Forum.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Notifications;

/// <summary>The header's unread count and latest notifications, one query per page for signed-in members.</summary>
public sealed class NotificationMenuViewComponent(INotificationStore notifications) : ViewComponent
{
    public const int LatestCount = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.Viewer().UserId is not { } userId) return Content("");
        return View(await notifications.MenuAsync(userId, LatestCount, HttpContext.RequestAborted));
    }
}

/// <summary>The "when I create or reply to a topic" choices on /my/preferences; fields of that page's one form, which saves them.</summary>
public sealed class NotificationPreferencesViewComponent(INotificationStore notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.Viewer().UserId is not { } userId) return Content("");
        var preferences = await notifications.PreferencesAsync(userId, HttpContext.RequestAborted);
        return preferences is null ? Content("") : View(preferences);
    }
}
