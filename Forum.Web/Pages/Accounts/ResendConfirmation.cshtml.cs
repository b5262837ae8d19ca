using Forum.Core.Accounts;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Forum.Web.Pages.Accounts;

/// <summary>/my/confirm-email: the banner's "send the link again" for a member whose address is unconfirmed.</summary>
[Authorize, EnableRateLimiting(RateLimits.ConfirmationMail)]
public sealed class ResendConfirmationModel(AccountTokenService links, AccountMail mail, AccountMailQueue outbox) : ForumPageModel
{
    public string? SentTo { get; private set; }

    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Viewer.UserId is not { } userId) return Challenge();
        if (await links.RequestEmailConfirmationAsync(userId, ct) is not { } link) return Redirect("/");
        outbox.Enqueue(mail.Confirmation(link));
        SentTo = link.Member.Email;
        return Page();
    }
}
