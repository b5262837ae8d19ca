using Forum.Core.Accounts;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Accounts;

/// <summary>
/// /confirm-email/{token}: the link mailed at sign-up. Opening it shows a button; pressing it confirms the address
/// and signs the member in. A GET alone changes nothing, so mail scanners that fetch links do not use them up.
/// </summary>
public sealed class ConfirmEmailModel(AccountTokenService links, IUserStore users) : ForumPageModel
{
    public bool IsUsable { get; private set; } = true;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await links.ConfirmEmailAsync(token, ct) is not { } userId)
        {
            IsUsable = false;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        if (Viewer.UserId != userId) await ForumClaims.SignInAsync(HttpContext, (await users.FindByIdAsync(userId, ct))!);
        return Redirect("/?confirmed=true");
    }
}
