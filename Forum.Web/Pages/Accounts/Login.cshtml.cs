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
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
