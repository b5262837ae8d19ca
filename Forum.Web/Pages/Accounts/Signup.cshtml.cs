using Forum.Core.Accounts;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Accounts;

public sealed class SignupModel(AccountService accounts, IUserStore users) : ForumPageModel
{
    [BindProperty] public SignupInput Input { get; set; } = new();

    public sealed class SignupInput
    {
        public string Username { get; set; } = "";
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        /// <summary>Filled by site.js from the browser; absent without JavaScript.</summary>
        public string? TimeZone { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var locale = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var outcome = await accounts.SignUpAsync(new SignUpRequest(Input.Username, Input.Email, Input.Password, Input.TimeZone, locale), UserRole.Member, ct);
        if (!outcome.Succeeded)
        {
            Input.Password = "";
            return RefusedPage(outcome.Errors);
        }
        var user = await users.FindByIdAsync(outcome.Value, ct);
        await ForumClaims.SignInAsync(HttpContext, user!);
        return Redirect("/");
    }
}
