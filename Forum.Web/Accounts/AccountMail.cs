using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.Channels;
using Forum.Core;
using Forum.Core.Accounts;
using Forum.Core.Mail;
using Forum.Web.Mail;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Forum.Web.Accounts;

/// <summary>The mails about an account itself: confirm your address, reset your password, someone used your address to sign up.</summary>
public sealed class AccountMail(IStringLocalizer<SharedResource> L, IOptions<ForumOptions> forum, MimeBuilder mime)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private string BaseUrl => forum.Value.BaseUrl.TrimEnd('/');

    public OutgoingMail Confirmation(IssuedLink link) => MemberCulture.Apply(link.Member.Locale, () => Write(link.Member,
        L["[{0}] Confirm your email address", forum.Value.Title],
        L["Open this link to confirm that {0} is your address. It works once, for 48 hours.", link.Member.Email],
        $"{BaseUrl}/confirm-email/{link.Token}", L["Confirm my address"],
        L["If you did not sign up at {0}, ignore this message.", forum.Value.Title]));

    public OutgoingMail PasswordReset(IssuedLink link) => MemberCulture.Apply(link.Member.Locale, () => Write(link.Member,
        L["[{0}] Reset your password", forum.Value.Title],
        L["Someone asked to reset the password of {0}. Open this link to choose a new one. It works once, for an hour.", link.Member.Username],
        $"{BaseUrl}/password-reset/{link.Token}", L["Choose a new password"],
        L["If you did not ask for this, ignore this message: your password stays as it is."]));

    /// <summary>Sent instead of a confirmation when the sign-up form is given an address that already has an account.</summary>
    public OutgoingMail SignUpWithTakenAddress(User owner) => MemberCulture.Apply(owner.Locale, () => Write(owner,
        L["[{0}] Someone tried to sign up with your address", forum.Value.Title],
        L["Someone tried to create an account at {0} with this address, which already belongs to your account {1}. If it was you, log in, or reset your password if you forgot it.", forum.Value.Title, owner.Username],
        $"{BaseUrl}/password-reset", L["Reset my password"],
        L["If it was not you, ignore this message: nothing was changed."]));

    private OutgoingMail Write(User to, string subject, string intro, string url, string action, string footer)
    {
        var greeting = L["Hi {0},", to.Name.Length > 0 ? to.Name : to.Username];
        var html = $"""
            <!DOCTYPE html>
            <html lang="{System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}">
            <head><meta charset="utf-8"><title>{E(subject)}</title></head>
            <body style="font-family:Helvetica,Arial,sans-serif;color:#1f2937;font-size:15px;line-height:1.5;">
            <p>{E(greeting)}</p>
            <p>{E(intro)}</p>
            <p><a class="account-link" href="{E(url)}" style="color:#0f5c8c;font-weight:bold;">{E(action)}</a></p>
            <p style="font-size:12px;color:#6b7280;">{E(footer)}</p>
            </body></html>
            """;
        var text = $"{greeting}\n\n{intro}\n\n{action}: {url}\n\n-- \n{footer}\n";
        return new OutgoingMail(to.Email, to.Name.Length > 0 ? to.Name : to.Username, subject, html, text,
            $"account.{Guid.NewGuid():N}@{mime.MessageIdDomain}", new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" });
    }

    private static string E(string value) => Html.Encode(value);
}

/// <summary>
/// Sends account mail apart from the request, so a form answers as fast whether or not it mailed anyone (the
/// reset and sign-up forms must not tell a stranger which addresses have accounts). A mail lost at shutdown is
/// asked for again from the same form; the link itself is never written anywhere but the mail.
/// </summary>
public sealed class AccountMailQueue(IMailer mailer, ILogger<AccountMailQueue> log) : BackgroundService
{
    private readonly Channel<OutgoingMail> pending = Channel.CreateBounded<OutgoingMail>(new BoundedChannelOptions(1_000) { SingleReader = true });

    public void Enqueue(OutgoingMail mail)
    {
        if (!pending.Writer.TryWrite(mail)) log.LogWarning("Account mail queue full; dropped a mail to {To}", mail.To);
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        await foreach (var mail in pending.Reader.ReadAllAsync(stopping))
        {
            try
            {
                await mailer.SendAsync(mail, stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Could not send account mail {Subject} to {To}", mail.Subject, mail.To);
            }
        }
    }
}
