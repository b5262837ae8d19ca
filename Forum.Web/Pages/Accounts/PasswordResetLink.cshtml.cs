using Forum.Core.Accounts;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forum.Web.Pages.Accounts;

/// <summary>/password-reset/{token}: the mailed link. Choosing a new password ends every session and signs this browser in.</summary>
public sealed class PasswordResetLinkModel(AccountTokenService links, IUserStore users) : ForumPageModel
{
    [BindProperty] public NewPasswordInput Input { get; set; } = new();

    public sealed class NewPasswordInput
    {
        public string NewPassword { get; set; } = "";
    }

    public bool IsUsable { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await links.IsResetLinkUsableAsync(token, ct)) return Page();
        return Unusable();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var outcome = await links.ResetPasswordAsync(token, Input.NewPassword, ct);
        Input.NewPassword = "";
        if (!outcome.Succeeded)
            return outcome.Errors.Any(e => e.Message == AccountRules.LinkUnusable) ? Unusable() : RefusedPage(outcome.Errors);
        await ForumClaims.SignInAsync(HttpContext, (await users.FindByIdAsync(outcome.Value, ct))!);
        return Redirect("/");
    }

    private PageResult Unusable()
    {
        IsUsable = false;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
