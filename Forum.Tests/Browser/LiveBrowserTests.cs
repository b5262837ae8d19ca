using System.Text.RegularExpressions;
using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Core.Posts;
using Forum.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Browser;

/// <summary>
/// People in real browsers (chromium, one context each): what each sees change without reloading, and that
/// the reply form still works with JavaScript off. One class, so the whole lot shares one forum and one browser.
/// </summary>
public sealed class LiveBrowserTests(BrowserForumApp forum, BrowserFixture browser)
    : IClassFixture<BrowserForumApp>, IClassFixture<BrowserFixture>
{
    private async Task<(long CategoryId, long AliceId, long BobId)> PeopleAsync(string suffix)
    {
        await forum.SetUpAsync("admin" + suffix);
        return (await forum.CategoryAsync("Browsers " + suffix), await forum.UserAsync("alice" + suffix), await forum.UserAsync("bob" + suffix));
    }

    /// <summary>Opens the topic as <paramref name="username"/> and waits until the page is listening for pushes.</summary>
    private async Task<IPage> ReadingAsync(string username, long topicId)
    {
        var page = await browser.SignedInPageAsync(forum.BaseUrl, username, $"/t/{topicId}");
        await Expect(page.Locator("article.topic[data-live=watching]")).ToHaveCountAsync(1);
        return page;
    }

    /// <summary>
    /// From now on, records what the browser refuses under the Content-Security-Policy on this page (and its
    /// frames): the DOM's securitypolicyviolation events and the console's "Refused to …" messages.
    /// </summary>
    private static async Task<List<string>> WatchForPolicyViolationsAsync(IPage page)
    {
        var reported = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (reported) reported.Add(message.Text);
        };
        await page.Context.ExposeFunctionAsync("__reportViolation", (string what) => { lock (reported) reported.Add(what); });
        await page.Context.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation", function (e) {
                window.__reportViolation(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " on " + e.documentURI);
            });
            """);
        return reported;
    }

    private static ILocator ReplyButton(IPage page) =>
        page.Locator("form#reply").GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true });

    [Fact]
    public async Task A_reply_sent_from_one_browser_appears_in_the_other_without_a_reload()
    {
        var (categoryId, aliceId, _) = await PeopleAsync("r");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Who hosts the spring assembly?");
        var alice = await ReadingAsync("alicer", topic.Id);
        var bob = await ReadingAsync("bobr", topic.Id);
        await bob.EvaluateAsync("() => { window.__marker = 1; }");

        await alice.Locator("form#reply textarea").FillAsync("Our cooperative in Porto can host it in April.");
        await ReplyButton(alice).ClickAsync();

        await Expect(bob.Locator("#post-2")).ToContainTextAsync("Our cooperative in Porto can host it in April.");
        Assert.Equal(1, await bob.EvaluateAsync<int>("() => window.__marker"));
        await Expect(alice.Locator("#post-2")).ToContainTextAsync("Porto");
        await Expect(alice.Locator("#post-2")).ToHaveCountAsync(1);
        await Expect(alice.Locator("form#reply textarea")).ToHaveValueAsync("");
        await Expect(bob.Locator(".new-replies-notice")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task While_someone_types_a_reply_the_others_see_that_they_are_replying()
    {
        var (categoryId, aliceId, _) = await PeopleAsync("t");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Rates for accessibility audits");
        var alice = await ReadingAsync("alicet", topic.Id);
        var bob = await ReadingAsync("bobt", topic.Id);
        await Expect(alice.Locator(".composing-notice")).ToBeHiddenAsync();

        await bob.Locator("form#reply textarea").PressSequentiallyAsync("We charge per page");

        await Expect(alice.Locator(".composing-notice")).ToHaveTextAsync("bobt is replying…");
        await Expect(bob.Locator(".composing-notice")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Closing_the_topic_and_editing_a_post_show_on_an_open_page()
    {
        var (categoryId, aliceId, bobId) = await PeopleAsync("c");
        var moderatorId = await forum.UserAsync("modc", UserRole.Moderator);
        var topic = await forum.TopicAsync(aliceId, categoryId, "Shared mail server for 2027");
        var reply = await forum.ReplyAsync(bobId, topic.Id, "We could run it on the Lisbon rack.");
        var alice = await ReadingAsync("alicec", topic.Id);
        await Expect(alice.Locator("form#reply textarea")).ToBeVisibleAsync();
        await Expect(alice.Locator(".topic-closed-notice")).ToBeHiddenAsync();

        await forum.InScopeAsync(sp => sp.GetRequiredService<PostEditService>()
            .EditAsync(new Viewer(bobId, UserRole.Member), reply.PostId, 1, "We could run it on the Madrid rack instead.", default));
        await Expect(alice.Locator("#post-2 .cooked")).ToContainTextAsync("Madrid rack instead");

        await forum.InScopeAsync(sp => sp.GetRequiredService<TopicStatusService>()
            .SetClosedAsync(new Viewer(moderatorId, UserRole.Moderator), topic.Id, true, default));
        await Expect(alice.Locator(".topic-closed-notice")).ToBeVisibleAsync();
        await Expect(alice.Locator(".topic-closed-notice")).ToContainTextAsync("This topic is closed");
        await Expect(alice.Locator("form#reply textarea")).ToBeHiddenAsync();
        await Expect(alice.Locator(".closed-badge")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_reader_scrolled_up_gets_a_new_replies_button_instead_of_a_jump()
    {
        var (categoryId, aliceId, bobId) = await PeopleAsync("s");
        var topic = await forum.TopicAsync(aliceId, categoryId, "A long thread about backups");
        for (var i = 2; i <= 15; i++)
            await forum.ReplyAsync(i % 2 == 0 ? bobId : aliceId, topic.Id, $"Backup thought number {i}, with enough words to count.");
        var alice = await ReadingAsync("alices", topic.Id);
        await alice.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Expect(alice.Locator(".new-replies-notice")).ToBeHiddenAsync();

        await forum.ReplyAsync(bobId, topic.Id, "Restic to two sites has never failed us.");

        await Expect(alice.Locator(".new-replies-notice")).ToHaveTextAsync("1 new reply");
        await Expect(alice.Locator("#post-16")).ToHaveCountAsync(0);
        await alice.Locator(".new-replies-notice").ClickAsync();
        await Expect(alice.Locator("#post-16")).ToContainTextAsync("Restic to two sites");
        await Expect(alice.Locator(".new-replies-notice")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Without_javascript_a_member_replies_through_the_form()
    {
        var (categoryId, aliceId, _) = await PeopleAsync("n");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Plain forms still work for everyone");
        var bob = await browser.SignedInPageAsync(forum.BaseUrl, "bobn", $"/t/{topic.Id}", javaScriptEnabled: false);

        await bob.Locator("form#reply textarea").FillAsync("No scripts here, and the reply still lands.");
        await ReplyButton(bob).ClickAsync();

        await bob.WaitForURLAsync(new Regex("#post-2$"));
        await Expect(bob.Locator("#post-2")).ToContainTextAsync("No scripts here, and the reply still lands.");
    }

    [Fact]
    public async Task The_latest_page_offers_to_show_a_topic_started_meanwhile()
    {
        var (categoryId, aliceId, _) = await PeopleAsync("l");
        var bob = await browser.SignedInPageAsync(forum.BaseUrl, "bobl", "/latest");
        await Expect(bob.Locator("table.topic-list[data-live=watching]")).ToHaveCountAsync(1);
        await Expect(bob.Locator(".list-updates")).ToBeHiddenAsync();

        await forum.TopicAsync(aliceId, categoryId, "Fresh lead: a library wants a catalogue");

        await Expect(bob.Locator(".list-updates")).ToHaveTextAsync("1 new or updated topic — show");
        await bob.Locator(".list-updates").ClickAsync();
        await Expect(bob.Locator("table.topic-list")).ToContainTextAsync("Fresh lead: a library wants a catalogue");
    }

    [Fact]
    public async Task The_unread_count_in_the_header_rises_live_on_any_page_when_someone_mentions_you()
    {
        var (categoryId, aliceId, bobId) = await PeopleAsync("h");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Mentions reach you on any page");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "aliceh", "/categories");
        await Expect(alice.Locator(".notification-menu .unread-count")).ToBeHiddenAsync();
        await Expect(alice.Locator("body[data-live=connected]")).ToHaveCountAsync(1);

        await forum.ReplyAsync(bobId, topic.Id, "Thanks @aliceh, we will bring the projector.");

        await Expect(alice.Locator(".notification-menu .unread-count")).ToHaveTextAsync("1");
        await Expect(alice.Locator(".notification-menu .unread-count")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Live_replies_typing_notices_and_category_colours_work_without_any_policy_violation()
    {
        var (categoryId, aliceId, _) = await PeopleAsync("p");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Does the page keep to its own policy?");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alicep", "/latest");
        var bob = await browser.SignedInPageAsync(forum.BaseUrl, "bobp", "/latest");
        var aliceViolations = await WatchForPolicyViolationsAsync(alice);
        var bobViolations = await WatchForPolicyViolationsAsync(bob);

        await alice.GotoAsync("/latest");
        await Expect(alice.Locator("table.topic-list[data-live=watching]")).ToHaveCountAsync(1);
        // The category colour comes from site.js, as inline style attributes are refused.
        Assert.Equal("rgb(0, 136, 204)", await alice.Locator("table.topic-list .category-badge").First
            .EvaluateAsync<string>("e => getComputedStyle(e).borderLeftColor"));
        await alice.GotoAsync($"/t/{topic.Id}");
        await bob.GotoAsync($"/t/{topic.Id}");
        await Expect(alice.Locator("article.topic[data-live=watching]")).ToHaveCountAsync(1);
        await Expect(bob.Locator("article.topic[data-live=watching]")).ToHaveCountAsync(1);

        await bob.Locator("form#reply textarea").PressSequentiallyAsync("Checking the policy");
        await Expect(alice.Locator(".composing-notice")).ToHaveTextAsync("bobp is replying…");
        await bob.Locator("form#reply textarea").FillAsync("The reply arrives over the same-origin WebSocket.");
        await ReplyButton(bob).ClickAsync();
        await Expect(alice.Locator("#post-2")).ToContainTextAsync("same-origin WebSocket");
        await Expect(bob.Locator("#post-2")).ToHaveCountAsync(1);
        await bob.GotoAsync("/categories");
        await Expect(bob.Locator("body[data-live=connected]")).ToHaveCountAsync(1);

        Assert.Empty(aliceViolations);
        Assert.Empty(bobViolations);
    }

    [Fact]
    public async Task The_admin_mail_preview_shows_the_messages_styles_and_runs_none_of_its_script()
    {
        await forum.SetUpAsync("adminm");
        await forum.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Forum.Web.Mail.PickupFolderMailer>().SendAsync(new Forum.Core.Mail.OutgoingMail(
                "reader@example.org", "Reader", "A message with script in it",
                """
                <p id="styled" style="color: rgb(1, 2, 3)">Styled text</p>
                <script>document.body.setAttribute("data-ran", "script");</script>
                <img src="/no-such-image" onerror="document.body.setAttribute('data-ran', 'onerror')">
                """,
                "Plain text", "preview-check@example.org", new Dictionary<string, string>()), default);
            return 0;
        });
        var admin = await browser.SignedInPageAsync(forum.BaseUrl, "adminm", "/admin/mail");
        var violations = await WatchForPolicyViolationsAsync(admin);
        await admin.Locator("tr.mail-entry a", new() { HasText = "A message with script in it" }).ClickAsync();

        var frame = admin.FrameLocator("iframe.mail-html");
        await Expect(frame.Locator("#styled")).ToHaveTextAsync("Styled text");
        Assert.Equal("rgb(1, 2, 3)", await frame.Locator("#styled").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.Null(await frame.Locator("body").GetAttributeAsync("data-ran"));
        // The sandbox, not a policy violation, stops the message's script: the page and the frame keep to their policies.
        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_jobs_dashboard_shows_for_admins_without_any_policy_violation()
    {
        await forum.SetUpAsync("adminj");
        var admin = await browser.SignedInPageAsync(forum.BaseUrl, "adminj", "/admin");
        var violations = await WatchForPolicyViolationsAsync(admin);
        foreach (var page in new[] { "/hangfire", "/hangfire/recurring", "/hangfire/jobs/succeeded" })
        {
            var response = await admin.GotoAsync(page);
            Assert.True(response is { Ok: true }, $"{page} answered {response?.Status}");
            await Expect(admin).ToHaveTitleAsync(new Regex("Hangfire Dashboard"));
        }
        Assert.Empty(violations);
    }
}
