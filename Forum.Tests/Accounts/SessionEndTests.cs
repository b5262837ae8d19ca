using System.Net;
using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Accounts;

/// <summary>
/// Sessions live on the server: logging out, changing the password, "log out everywhere" and a suspension each end
/// a copy of the cookie taken before, at the next request, and close the member's open live connections.
/// </summary>
public sealed class SessionEndTests(ForumApp forum) : IClassFixture<ForumApp>
{
    /// <summary>A browser whose cookie jar the test can read, to copy the sign-in cookie out of it.</summary>
    private sealed class Browser(WebSession session, CookieContainer jar, Uri site) : IDisposable
    {
        public WebSession Session { get; } = session;

        public string Cookie => "ronda=" + (jar.GetCookies(site)["ronda"]?.Value ?? throw new InvalidOperationException("Not signed in."));

        public void Dispose() => Session.Dispose();
    }

    private async Task<Browser> SignedInBrowserAsync(string username, string? password = null)
    {
        var jar = new CookieContainer();
        var browser = new Browser(new WebSession(forum.CreateDefaultClient(new CookieContainerHandler(jar))), jar, forum.Server.BaseAddress);
        await browser.Session.LogInAsync(username, password);
        return browser;
    }

    /// <summary>What someone holding a copy of the cookie sees: their own name on the home page, or nobody.</summary>
    private async Task<string?> SignedInNameWithAsync(string cookie)
    {
        using var client = forum.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var page = await WebSession.Page.ReadAsync(await client.SendAsync(request));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Document.QuerySelector(".current-user")?.TextContent.Trim();
    }

    private async Task<HttpStatusCode> PreferencesStatusWithAsync(string cookie)
    {
        using var client = forum.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/my/preferences");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Logging_out_ends_a_copied_cookie_and_closes_its_live_connection()
    {
        await forum.SetUpAsync("admin_logout");
        await forum.UserAsync("sara_logout");
        using var browser = await SignedInBrowserAsync("sara_logout");
        var copied = browser.Cookie;
        Assert.Equal("sara_logout", await SignedInNameWithAsync(copied));
        await using var live = await LiveClient.ConnectWithCookieAsync(forum, copied);

        var home = await browser.Session.OpenAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Session.SubmitAsync(home, "form[action='/logout']", new Dictionary<string, string>())).Status);

        Assert.Null(await SignedInNameWithAsync(copied));
        Assert.Equal(HttpStatusCode.Redirect, await PreferencesStatusWithAsync(copied));
        await live.ExpectClosedAsync();
    }

    [Fact]
    public async Task Logging_out_ends_only_that_browser_s_session()
    {
        await forum.SetUpAsync("admin_one_logout");
        await forum.UserAsync("tina_logout");
        using var laptop = await SignedInBrowserAsync("tina_logout");
        using var phone = await SignedInBrowserAsync("tina_logout");
        var laptopCookie = laptop.Cookie;
        await using var phoneLive = await LiveClient.ConnectWithCookieAsync(forum, phone.Cookie);

        await laptop.Session.SubmitAsync(await laptop.Session.OpenAsync("/"), "form[action='/logout']", new Dictionary<string, string>());

        Assert.Null(await SignedInNameWithAsync(laptopCookie));
        Assert.Equal("tina_logout", await SignedInNameWithAsync(phone.Cookie));
        Assert.Equal(HubConnectionState.Connected, phoneLive.Connection.State);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_keeps_this_browser_signed_in()
    {
        await forum.SetUpAsync("admin_password");
        await forum.UserAsync("ugo_password");
        using var browser = await SignedInBrowserAsync("ugo_password");
        using var elsewhere = await SignedInBrowserAsync("ugo_password");
        var copied = browser.Cookie;
        await using var live = await LiveClient.ConnectWithCookieAsync(forum, elsewhere.Cookie);

        var preferences = await browser.Session.OpenAsync("/my/preferences");
        var wrong = await browser.Session.SubmitAsync(preferences, "form.password-form", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = "not-my-password", ["Password.NewPassword"] = "a-brand-new-password",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
        Assert.Contains("Your current password is not right.", wrong.Errors);
        Assert.Equal("ugo_password", await SignedInNameWithAsync(copied));

        var changed = await browser.Session.SubmitAndFollowAsync(preferences, "form.password-form", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = ForumApp.PasswordOf("ugo_password"), ["Password.NewPassword"] = "a-brand-new-password",
        });
        Assert.Contains("Your password is changed.", changed.TextOf(".password-changed"));
        Assert.Equal("ugo_password", (await browser.Session.OpenAsync("/")).TextOf(".current-user"));

        Assert.Null(await SignedInNameWithAsync(copied));
        Assert.Null(await SignedInNameWithAsync(elsewhere.Cookie));
        await live.ExpectClosedAsync();
        using var again = await SignedInBrowserAsync("ugo_password", "a-brand-new-password");
        Assert.Equal("ugo_password", await SignedInNameWithAsync(again.Cookie));
    }

    [Fact]
    public async Task Logging_out_everywhere_ends_every_session_this_one_included()
    {
        await forum.SetUpAsync("admin_everywhere");
        await forum.UserAsync("vera_everywhere");
        using var browser = await SignedInBrowserAsync("vera_everywhere");
        using var elsewhere = await SignedInBrowserAsync("vera_everywhere");
        var copied = browser.Cookie;
        await using var live = await LiveClient.ConnectWithCookieAsync(forum, elsewhere.Cookie);

        var answer = await browser.Session.SubmitAsync(await browser.Session.OpenAsync("/my/preferences"), "form.log-out-everywhere-form", new Dictionary<string, string>());
        Assert.Equal("/login", answer.Location);

        Assert.Null(await SignedInNameWithAsync(copied));
        Assert.Null(await SignedInNameWithAsync(elsewhere.Cookie));
        Assert.Empty((await browser.Session.OpenAsync("/")).Document.QuerySelectorAll(".current-user"));
        await live.ExpectClosedAsync();
    }

    [Fact]
    public async Task A_suspension_ends_the_member_s_sessions_at_once_and_closes_their_live_connections()
    {
        await forum.SetUpAsync("admin_suspended");
        var memberId = await forum.UserAsync("wil_suspended");
        var moderatorId = await forum.UserAsync("mod_suspended", UserRole.Moderator);
        using var browser = await SignedInBrowserAsync("wil_suspended");
        var copied = browser.Cookie;
        await using var live = await LiveClient.ConnectWithCookieAsync(forum, copied);

        var outcome = await forum.InScopeAsync(sp => sp.GetRequiredService<PenaltyService>().SetAsync(new Viewer(moderatorId, UserRole.Moderator),
            memberId, PenaltyKind.Suspend, DateTime.UtcNow.AddDays(7), "Spam", default));
        Assert.True(outcome.Succeeded);

        Assert.Null(await SignedInNameWithAsync(copied));
        Assert.Equal(HttpStatusCode.Redirect, await PreferencesStatusWithAsync(copied));
        await live.ExpectClosedAsync();
    }

    [Fact]
    public async Task A_cookie_whose_session_was_ended_elsewhere_loses_its_live_connection_within_the_sweep()
    {
        await forum.SetUpAsync("admin_sweep");
        var memberId = await forum.UserAsync("xia_sweep");
        using var browser = await SignedInBrowserAsync("xia_sweep");
        await using var live = await LiveClient.ConnectWithCookieAsync(forum, browser.Cookie);

        // As another instance would: the rows change in the database, and no event reaches this one.
        await forum.InScopeAsync(sp => sp.GetRequiredService<ISessionStore>().EndAllAsync(memberId, DateTime.UtcNow, default));

        await live.ExpectClosedAsync(seconds: 15);
    }
}
