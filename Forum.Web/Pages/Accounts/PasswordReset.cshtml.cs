using Forum.Core.Accounts;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Forum.Web.Pages.Accounts;

/// <summary>/password-reset: asks for an address and mails a one-hour link; the answer is the same whether or not the address has an account.</summary>
[EnableRateLimiting(RateLimits.PasswordReset)]
public sealed class PasswordResetModel(AccountTokenService links, AccountMail mail, AccountMailQueue outbox) : ForumPageModel
{
    [BindProperty] public ResetInput Input { get; set; } = new();

    public sealed class ResetInput
    {
        public string Email { get; set; } = "";
    }

    public string? SentTo { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = Input.Email.Trim();
        if (email.Length is 0 or > 254 || !email.Contains('@')) return RefusedPage([new Core.FieldError("Email", "Enter a valid email address.")]);
        if (await links.RequestPasswordResetAsync(email, ct) is { } link) outbox.Enqueue(mail.PasswordReset(link));
        SentTo = email;
        return Page();
    }
}
