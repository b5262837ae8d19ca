using Forum.Core.Accounts;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Forum.Web.Pages.Accounts;

/// <summary>
/// The public sign-up form. It answers "check your mail" both when it created an account and when the address
/// already had one (whose owner is mailed a notice instead), so it tells nobody which addresses are registered.
/// </summary>
[EnableRateLimiting(RateLimits.SignUp)]
public sealed class SignupModel(AccountService accounts, AccountMail mail, AccountMailQueue outbox) : ForumPageModel
{
    [BindProperty] public SignupInput Input { get; set; } = new();

    /// <summary>Set once the form was accepted: the page then says where the link went.</summary>
    public string? SentTo { get; private set; }

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
        var registration = await accounts.RegisterAsync(new SignUpRequest(Input.Username, Input.Email, Input.Password, Input.TimeZone, locale), ct);
        Input.Password = "";
        switch (registration)
        {
            case Registration.Refused refused:
                return RefusedPage(refused.Errors);
            case Registration.Created created:
                outbox.Enqueue(mail.Confirmation(created.Confirmation));
                break;
            case Registration.EmailTaken taken:
                outbox.Enqueue(mail.SignUpWithTakenAddress(taken.Owner));
                break;
        }
        SentTo = Input.Email.Trim();
        return Page();
    }
}
