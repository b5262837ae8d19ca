using Forum.Core.Moderation;
using Forum.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Moderation;

/// <summary>The header's "Review (n)" link for staff: one count query on their pages, none on anyone else's.</summary>
public sealed class ReviewLinkViewComponent(IModerationStore moderation) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!UserClaimsPrincipal.Viewer().IsStaff) return Content("");
        return View(await moderation.PendingReviewCountAsync(HttpContext.RequestAborted));
    }
}
