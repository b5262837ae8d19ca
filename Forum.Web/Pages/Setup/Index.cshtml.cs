using Forum.Core.Accounts;
using Forum.Web.Accounts;
using Forum.Web.Demo;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Setup;

/// <summary>The first-start wizard: creates the first admin, then never shows again.</summary>
public sealed class IndexModel(AccountService accounts, IUserStore users, SetupState setup, DemoLoader demo) : ForumPageModel
{
    [BindProperty] public SetupInput Input { get; set; } = new();

    public sealed class SetupInput
    {
        public string Username { get; set; } = "";
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public string? TimeZone { get; set; }
        public bool LoadDemo { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await setup.IsCompleteAsync(ct) ? Redirect("/") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await setup.IsCompleteAsync(ct)) return Redirect("/");
        var locale = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var outcome = await accounts.SignUpAsync(new SignUpRequest(Input.Username, Input.Email, Input.Password, Input.TimeZone, locale), UserRole.Admin, ct);
        if (!outcome.Succeeded)
        {
            Input.Password = "";
            return RefusedPage(outcome.Errors);
        }
        if (Input.LoadDemo) await demo.LoadAsync(ct);
        var admin = await users.FindByIdAsync(outcome.Value, ct);
        await ForumClaims.SignInAsync(HttpContext, admin!);
        return Redirect("/");
    }
}
