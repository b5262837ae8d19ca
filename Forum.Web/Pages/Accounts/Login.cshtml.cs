using Forum.Core;
using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Forum.Web.Pages.Accounts;

[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(AccountService accounts, IUserStore users, PenaltyService penalties, LoginAttempts attempts) : ForumPageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        public string Login { get; set; } = "";
        public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        using (var attempt = attempts.TryAttempt(Input.Login))
            if (!attempt.IsAcquired)
            {
                await RateLimits.RejectAsync(HttpContext, attempt, ct);
                return new EmptyResult();
            }
        var userId = await accounts.CheckPasswordAsync(Input.Login, Input.Password, ct);
        var user = userId is { } id ? await users.FindByIdAsync(id, ct) : null;
        if (user is null)
        {
            Input.Password = "";
            return RefusedPage([new FieldError("", "Incorrect username, email or password.")]);
        }
        if (await penalties.LoginRefusalAsync(user.Id, ct) is { } suspended)
        {
            Input.Password = "";
            ShowRefusal([suspended]);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        await ForumClaims.SignInAsync(HttpContext, user);
        return Redirect(LocalTarget(ReturnUrl));
    }

    /// <summary>
    /// Where to go after logging in: the local address asked for, percent-encoded so that a name in another
    /// script (or a stray control character) cannot break the Location header; the home page otherwise.
    /// </summary>
    private string LocalTarget(string? returnUrl)
    {
        if (!Url.IsLocalUrl(returnUrl) || returnUrl.Any(char.IsControl)) return "/";
        return Uri.TryCreate(new Uri("http://forum.invalid"), returnUrl, out var target) && target.Host == "forum.invalid"
            ? target.PathAndQuery + target.Fragment
            : "/";
    }
}
