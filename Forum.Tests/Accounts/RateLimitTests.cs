using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forum.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Accounts;

/// <summary>
/// Each limit, set small here, answers 429 with Retry-After once spent: a page that says so for forms, JSON errors
/// for /posts.json, a hub error for live calls. Each test comes from its own address, as a proxy would report it.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.LimitedForum forum) : IClassFixture<RateLimitTests.LimitedForum>
{
    public sealed class LimitedForum : ForumApp
    {
        public const string AddressHeader = "X-Test-Remote-Address";

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Forum:RateLimits:LoginPerAccount:Permits"] = "3",
            ["Forum:RateLimits:LoginPerAddress:Permits"] = "5",
            ["Forum:RateLimits:SignUpPerAddress:Permits"] = "2",
            ["Forum:RateLimits:PasswordResetPerAddress:Permits"] = "2",
            ["Forum:RateLimits:PostsPerMember:Permits"] = "3",
            ["Forum:RateLimits:PreviewsPerMember:Permits"] = "3",
            ["Forum:RateLimits:HubCallsPerMember:Permits"] = "4",
            ["Forum:RateLimits:HubCallsPerMember:Window"] = "00:05:00",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
        }

        /// <summary>Stands in for the forwarded-headers middleware behind a proxy: the test says which address a request comes from.</summary>
        private sealed class RemoteAddressFromHeader : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((http, then) =>
                {
                    if (IPAddress.TryParse(http.Request.Headers[AddressHeader], out var address)) http.Connection.RemoteIpAddress = address;
                    return then(http);
                });
                next(app);
            };
        }

        public WebSession SessionFrom(string address)
        {
            var session = Session();
            session.Client.DefaultRequestHeaders.Add(AddressHeader, address);
            return session;
        }
    }

    private static async Task<WebSession.Page> TryLogInAsync(WebSession session, string login, string password) =>
        await session.SubmitAsync(await session.OpenAsync("/login"), "form.account-form", new Dictionary<string, string>
        {
            ["Input.Login"] = login, ["Input.Password"] = password,
        });

    private static void AssertTooManyRequests(WebSession.Page page)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.Equal("Too many requests", page.TextOf("h1"));
        Assert.Matches("Wait [0-9]+ seconds and try again", page.TextOf(".error-page"));
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(seconds, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Login_attempts_on_one_account_are_limited_whatever_address_they_come_from()
    {
        await forum.SetUpAsync("admin_account_limit");
        await forum.UserAsync("amy_limit");
        await forum.UserAsync("ben_limit");
        for (var i = 1; i <= 3; i++)
        {
            using var attacker = forum.SessionFrom($"10.0.1.{i}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await TryLogInAsync(attacker, "amy_limit", $"guess-number-{i}")).Status);
        }

        using var fourth = forum.SessionFrom("10.0.1.4");
        var refused = await fourth.Client.PostAsync("/login", await LoginFormAsync(fourth, "AMY_limit", ForumApp.PasswordOf("amy_limit")));
        AssertRetryAfter(refused);
        AssertTooManyRequests(await WebSession.Page.ReadAsync(refused));

        using var other = forum.SessionFrom("10.0.1.4");
        Assert.Equal(HttpStatusCode.Redirect, (await TryLogInAsync(other, "ben_limit", ForumApp.PasswordOf("ben_limit"))).Status);
    }

    private static async Task<FormUrlEncodedContent> LoginFormAsync(WebSession session, string login, string password)
    {
        var form = await session.OpenAsync("/login");
        var token = form.Document.QuerySelector("form.account-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Login"] = login, ["Input.Password"] = password,
        });
    }

    [Fact]
    public async Task Login_attempts_from_one_address_are_limited_whatever_account_they_name()
    {
        await forum.SetUpAsync("admin_address_limit");
        await forum.UserAsync("cleo_limit");
        using var attacker = forum.SessionFrom("10.0.2.1");
        foreach (var name in new[] { "nobody1", "nobody2", "nobody3", "nobody4", "cleo_limit" })
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await TryLogInAsync(attacker, name, "a-wrong-guess")).Status);

        var refused = await attacker.Client.PostAsync("/login", await LoginFormAsync(attacker, "cleo_limit", ForumApp.PasswordOf("cleo_limit")));
        AssertRetryAfter(refused);

        using var elsewhere = forum.SessionFrom("10.0.2.2");
        Assert.Equal(HttpStatusCode.Redirect, (await TryLogInAsync(elsewhere, "cleo_limit", ForumApp.PasswordOf("cleo_limit"))).Status);
    }

    [Fact]
    public async Task Sign_ups_from_one_address_are_limited()
    {
        await forum.SetUpAsync("admin_signup_limit");
        using var guest = forum.SessionFrom("10.0.3.1");
        WebSession.Page last = null!;
        for (var i = 1; i <= 3; i++)
            last = await guest.SubmitAsync(await guest.OpenAsync("/signup"), "form.account-form", new Dictionary<string, string>
            {
                ["Input.Username"] = $"bulk_{i}", ["Input.Email"] = $"bulk.{i}@example.org", ["Input.Password"] = "a-long-enough-password",
            });
        AssertTooManyRequests(last);
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync("/signup")).Status);
    }

    [Fact]
    public async Task Password_reset_requests_from_one_address_are_limited()
    {
        await forum.SetUpAsync("admin_reset_limit");
        using var guest = forum.SessionFrom("10.0.4.1");
        WebSession.Page last = null!;
        for (var i = 1; i <= 3; i++)
            last = await guest.SubmitAsync(await guest.OpenAsync("/password-reset"), "form.password-reset-form",
                new Dictionary<string, string> { ["Input.Email"] = $"someone.{i}@example.org" });
        AssertTooManyRequests(last);
    }

    [Fact]
    public async Task Replies_by_form_and_by_json_share_one_limit_per_member_answered_in_json_for_json()
    {
        await forum.SetUpAsync("admin_post_limit");
        var categoryId = await forum.CategoryAsync("Limits");
        var authorId = await forum.UserAsync("dora_limit");
        await forum.UserAsync("eli_limit");
        var topic = await forum.TopicAsync(authorId, categoryId, "A thread that someone floods");
        using var eli = forum.SessionFrom("10.0.5.1");
        await eli.LogInAsync("eli_limit");
        var url = $"/t/{topic.Slug}/{topic.Id}";
        for (var i = 1; i <= 2; i++)
            await eli.SubmitAndFollowAsync(await eli.OpenAsync(url), "form#reply", new Dictionary<string, string> { ["Input.Raw"] = $"Reply number {i} by form." });
        var token = (await eli.Client.GetFromJsonAsync<JsonElement>("/session/csrf")).GetProperty("csrf").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await PostJsonAsync(eli, token, topic.Id, "The third reply, by script.")).StatusCode);

        var refused = await PostJsonAsync(eli, token, topic.Id, "A fourth reply, one too many.");
        AssertRetryAfter(refused);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("too often", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetString());
        AssertTooManyRequests(await eli.SubmitAsync(await eli.OpenAsync(url), "form#reply", new Dictionary<string, string> { ["Input.Raw"] = "And by form, also refused." }));

        using var dora = forum.SessionFrom("10.0.5.1");
        await dora.LogInAsync("dora_limit");
        await dora.SubmitAndFollowAsync(await dora.OpenAsync(url), "form#reply", new Dictionary<string, string> { ["Input.Raw"] = "Another member is not held back." });
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(WebSession session, string token, long topicId, string raw)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/posts.json") { Content = JsonContent.Create(new { topic_id = topicId, raw }) };
        request.Headers.Add("X-CSRF-Token", token);
        return await session.Client.SendAsync(request);
    }

    [Fact]
    public async Task Previews_are_limited_per_member()
    {
        await forum.SetUpAsync("admin_preview_limit");
        var categoryId = await forum.CategoryAsync("Previews");
        await forum.UserAsync("fay_limit");
        using var fay = forum.SessionFrom("10.0.6.1");
        await fay.LogInAsync("fay_limit");
        var form = await fay.OpenAsync("/new-topic");
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "A topic previewed over and over", ["Input.Raw"] = "Looking at how this renders, again.",
            ["Input.CategoryId"] = categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 1; i <= 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await fay.SubmitAsync(form, "form.composer", values, "button[formaction*=Preview]")).Status);
        AssertTooManyRequests(await fay.SubmitAsync(form, "form.composer", values, "button[formaction*=Preview]"));
    }

    [Fact]
    public async Task Hub_calls_are_limited_per_member_across_their_connections()
    {
        await forum.SetUpAsync("admin_hub_limit");
        await forum.UserAsync("gus_limit");
        await forum.UserAsync("hana_limit");
        await using var tab1 = await LiveClient.ConnectAsync(forum, "gus_limit");
        await using var tab2 = await LiveClient.ConnectAsync(forum, "gus_limit");
        await using var other = await LiveClient.ConnectAsync(forum, "hana_limit");

        for (var i = 0; i < 2; i++)
        {
            await tab1.Connection.InvokeAsync("WatchLists");
            await tab2.Connection.InvokeAsync("WatchLists");
        }
        var refused = await Assert.ThrowsAsync<HubException>(() => tab2.Connection.InvokeAsync("WatchLists"));
        Assert.Contains("Too many requests", refused.Message);
        await Assert.ThrowsAsync<HubException>(() => tab1.Connection.InvokeAsync("WatchLists"));
        await other.Connection.InvokeAsync("WatchLists");
    }
}
