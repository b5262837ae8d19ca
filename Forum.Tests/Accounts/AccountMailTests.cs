using System.Net;
using AngleSharp.Html.Parser;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;
using MimeKit;

namespace Forum.Tests.Accounts;

/// <summary>
/// Password reset and address confirmation by links mailed over real SMTP: each link works once, for a while,
/// and the forms that send them do not tell a stranger which addresses have accounts.
/// </summary>
public sealed class AccountMailTests(MailForum forum) : IClassFixture<MailForum>
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Waits for the <paramref name="count"/>th message to <paramref name="address"/>: account mail leaves apart from the request.</summary>
    private async Task<MimeMessage> MailAsync(string address, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var messages = forum.Smtp.MessagesTo(address);
            if (messages.Count >= count) return messages[count - 1];
            Assert.True(DateTime.UtcNow < deadline, $"No message {count} to {address} within 10 s; {messages.Count} arrived.");
            await Task.Delay(50);
        }
    }

    /// <summary>The path of the mail's action link, checked to point at the forum's public address.</summary>
    private static string LinkIn(MimeMessage mail)
    {
        var href = Parser.ParseDocument(mail.HtmlBody ?? "").QuerySelector("a.account-link")!.GetAttribute("href")!;
        Assert.StartsWith(MailForum.BaseUrl + "/", href);
        Assert.Contains(href, mail.TextBody);
        return href[MailForum.BaseUrl.Length..];
    }

    private static Task<WebSession.Page> SignUpAsync(WebSession session, WebSession.Page form, string username, string email) =>
        session.SubmitAsync(form, "form.account-form", new Dictionary<string, string>
        {
            ["Input.Username"] = username, ["Input.Email"] = email, ["Input.Password"] = "a-long-enough-password",
        });

    private async Task<WebSession.Page> AskForResetAsync(WebSession session, string email) =>
        await session.SubmitAsync(await session.OpenAsync("/password-reset"), "form.password-reset-form", new Dictionary<string, string> { ["Input.Email"] = email });

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_ends_the_old_sessions()
    {
        await forum.SetUpAsync("admin_reset");
        var memberId = await forum.UserAsync("rosa_reset");
        var email = await forum.EmailOfAsync(memberId);
        using var before = forum.Session();
        await before.LogInAsync("rosa_reset");

        using var guest = forum.Session();
        var asked = await AskForResetAsync(guest, email);
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains($"If an account uses {email}, we have mailed it a link", asked.TextOf(".reset-sent"));
        var mail = await MailAsync(email);
        Assert.Equal("[Ronda] Reset your password", mail.Subject);
        var link = LinkIn(mail);

        var form = await guest.OpenAsync(link);
        var tooShort = await guest.SubmitAsync(form, "form.new-password-form", new Dictionary<string, string> { ["Input.NewPassword"] = "short" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.Status);
        Assert.Contains("Password must be 10 to 200 characters long.", tooShort.Errors);
        var reset = await guest.SubmitAsync(form, "form.new-password-form", new Dictionary<string, string> { ["Input.NewPassword"] = "rosa-new-password" });
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Equal("rosa_reset", (await guest.OpenAsync("/")).TextOf(".current-user"));

        Assert.Empty((await before.OpenAsync("/")).Document.QuerySelectorAll(".current-user"));
        using var oldPassword = forum.Session();
        var refused = await oldPassword.SubmitAsync(await oldPassword.OpenAsync("/login"), "form.account-form", new Dictionary<string, string>
        {
            ["Input.Login"] = "rosa_reset", ["Input.Password"] = ForumApp.PasswordOf("rosa_reset"),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        using var newPassword = forum.Session();
        await newPassword.LogInAsync("rosa_reset", "rosa-new-password");

        using var replay = forum.Session();
        var used = await replay.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, used.Status);
        Assert.Contains("This link has expired or was already used.", used.TextOf(".link-unusable"));
    }

    [Fact]
    public async Task A_reset_link_expires_after_an_hour()
    {
        await forum.SetUpAsync("admin_expiry");
        var memberId = await forum.UserAsync("sol_expiry");
        var email = await forum.EmailOfAsync(memberId);
        using var guest = forum.Session();
        await AskForResetAsync(guest, email);
        var link = LinkIn(await MailAsync(email));
        var expiresAt = await forum.QueryOneAsync<DateTime>("SELECT expires_at FROM account_tokens WHERE user_id = @memberId", new { memberId });
        Assert.InRange(expiresAt - DateTime.UtcNow, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));

        // An hour later, as the clock would have it.
        await forum.ExecuteAsync("UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = @memberId", new { memberId });
        var form = await guest.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, form.Status);
        Assert.Empty(form.Document.QuerySelectorAll("form.new-password-form"));
        using var stillOld = forum.Session();
        await stillOld.LogInAsync("sol_expiry");
    }

    [Fact]
    public async Task Asking_a_reset_for_an_unknown_address_answers_the_same_and_mails_nobody()
    {
        await forum.SetUpAsync("admin_unknown");
        var memberId = await forum.UserAsync("tom_unknown");
        var known = await forum.EmailOfAsync(memberId);
        using var guest = forum.Session();

        var forUnknown = await AskForResetAsync(guest, "nobody.here@example.org");
        var forKnown = await AskForResetAsync(guest, known);

        Assert.Equal(forKnown.Status, forUnknown.Status);
        Assert.Equal(forKnown.TextOf(".reset-sent").Replace(known, "ADDRESS"), forUnknown.TextOf(".reset-sent").Replace("nobody.here@example.org", "ADDRESS"));
        await MailAsync(known);
        Assert.Empty(forum.Smtp.MessagesTo("nobody.here@example.org"));
    }

    [Fact]
    public async Task Signing_up_mails_a_confirmation_link_that_confirms_the_address_and_signs_in_once()
    {
        await forum.SetUpAsync("admin_confirm");
        using var guest = forum.Session();
        var answer = await SignUpAsync(guest, await guest.OpenAsync("/signup"), "una_confirm", "una.confirm@example.org");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var confirmedAt = await forum.QueryOneAsync<DateTime?>("SELECT email_confirmed_at FROM users WHERE username = 'una_confirm'");
        Assert.Null(confirmedAt);

        var mail = await MailAsync("una.confirm@example.org");
        Assert.Equal("[Ronda] Confirm your email address", mail.Subject);
        var link = LinkIn(mail);
        // Opening the link changes nothing by itself (mail scanners open links); the button does.
        var page = await guest.OpenAsync(link);
        Assert.Null(await forum.QueryOneAsync<DateTime?>("SELECT email_confirmed_at FROM users WHERE username = 'una_confirm'"));
        var confirmed = await guest.SubmitAsync(page, "form.confirm-email-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);

        var home = await guest.OpenAsync("/");
        Assert.Equal("una_confirm", home.TextOf(".current-user"));
        Assert.Empty(home.Document.QuerySelectorAll(".confirm-email-banner"));
        Assert.NotNull(await forum.QueryOneAsync<DateTime?>("SELECT email_confirmed_at FROM users WHERE username = 'una_confirm'"));

        using var replay = forum.Session();
        var again = await replay.SubmitAsync(await replay.OpenAsync(link), "form.confirm-email-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Gone, again.Status);
        Assert.Empty((await replay.OpenAsync("/")).Document.QuerySelectorAll(".current-user"));
    }

    [Fact]
    public async Task An_unconfirmed_member_can_ask_for_the_link_again_from_the_banner()
    {
        await forum.SetUpAsync("admin_resend");
        using var guest = forum.Session();
        await SignUpAsync(guest, await guest.OpenAsync("/signup"), "vic_resend", "vic.resend@example.org");
        await MailAsync("vic.resend@example.org");
        await guest.LogInAsync("vic_resend", "a-long-enough-password");

        var home = await guest.OpenAsync("/");
        var sent = await guest.SubmitAsync(home, "form.confirm-email-banner", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Contains("We sent a new link to vic.resend@example.org.", sent.TextOf(".confirmation-sent"));
        var second = await MailAsync("vic.resend@example.org", count: 2);
        await guest.SubmitAsync(await guest.OpenAsync(LinkIn(second)), "form.confirm-email-form", new Dictionary<string, string>());
        Assert.Empty((await guest.OpenAsync("/")).Document.QuerySelectorAll(".confirm-email-banner"));
    }

    [Fact]
    public async Task Signing_up_with_a_registered_address_reveals_nothing_and_mails_its_owner()
    {
        await forum.SetUpAsync("admin_taken");
        var ownerId = await forum.UserAsync("wanda_taken", locale: "es");
        var taken = await forum.EmailOfAsync(ownerId);
        using var stranger = forum.Session();

        var forTaken = await SignUpAsync(stranger, await stranger.OpenAsync("/signup"), "intruder_taken", taken.ToUpperInvariant());
        var forFresh = await SignUpAsync(stranger, await stranger.OpenAsync("/signup"), "fresh_taken", "fresh.taken@example.org");

        Assert.Equal(forFresh.Status, forTaken.Status);
        Assert.Equal(forFresh.TextOf(".check-mail").Replace("fresh.taken@example.org", "ADDRESS"),
            forTaken.TextOf(".check-mail").Replace(taken.ToUpperInvariant(), "ADDRESS"));
        Assert.Empty(forTaken.Errors);
        Assert.Null(await forum.Get<IUserStore>().FindByUsernameAsync("intruder_taken", default));

        // The owner reads it in their own language.
        var notice = await MailAsync(taken);
        Assert.Equal("[Ronda] Alguien intentó registrarse con tu dirección", notice.Subject);
        Assert.Contains("wanda_taken", notice.TextBody);
        Assert.EndsWith("/password-reset", LinkIn(notice));
        await MailAsync("fresh.taken@example.org");
    }
}
