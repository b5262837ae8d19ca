using System.Text.RegularExpressions;
using Forum.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Browser;

/// <summary>
/// Posting in a real browser never loses work: a preview before creating or saving, a refused reply, and a
/// reply to a post followed by a general reply, with JavaScript on and off.
/// </summary>
public sealed class PostingBrowserTests(BrowserForumApp forum, BrowserFixture browser)
    : IClassFixture<BrowserForumApp>, IClassFixture<BrowserFixture>
{
    private async Task<(long CategoryId, long AliceId)> AliceAsync(string suffix)
    {
        await forum.SetUpAsync("admin" + suffix);
        return (await forum.CategoryAsync("Posting " + suffix), await forum.UserAsync("alice" + suffix));
    }

    private static ILocator Button(IPage page, string form, string name) =>
        page.Locator(form).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_previewed_new_topic_is_created(bool javaScript)
    {
        var suffix = javaScript ? "nj" : "nn";
        var (categoryId, _) = await AliceAsync(suffix);
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alice" + suffix, "/new-topic", javaScript);

        await alice.Locator("#Input_Title").FillAsync("Shared invoicing templates for members");
        await alice.Locator("#Input_CategoryId").SelectOptionAsync(categoryId.ToString());
        await alice.Locator("#Input_Raw").FillAsync("Here are **three** templates we use for invoices.");
        await Button(alice, "form.composer", "Preview").ClickAsync();
        await Expect(alice.Locator(".preview strong")).ToHaveTextAsync("three");
        await Button(alice, "form.composer", "Create topic").ClickAsync();

        await Expect(alice).ToHaveURLAsync(new Regex(@"/t/[^/]+/\d+$"));
        await Expect(alice.Locator("h1.topic-title")).ToHaveTextAsync("Shared invoicing templates for members");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_previewed_edit_is_saved(bool javaScript)
    {
        var suffix = javaScript ? "ej" : "en";
        var (categoryId, aliceId) = await AliceAsync(suffix);
        var topic = await forum.TopicAsync(aliceId, categoryId, "Where to print the posters");
        var reply = await forum.ReplyAsync(aliceId, topic.Id, "The print shop on Rua Augusta is cheap.");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alice" + suffix, $"/p/{reply.PostId}/edit", javaScript);

        await alice.Locator("#Input_Raw").FillAsync("The print shop on Rua Augusta is cheap and _fast_.");
        await Button(alice, "form.post-editor", "Preview").ClickAsync();
        await Expect(alice.Locator(".preview em")).ToHaveTextAsync("fast");
        await Button(alice, "form.post-editor", "Save").ClickAsync();

        await Expect(alice.Locator("#post-2 .cooked")).ToContainTextAsync("cheap and fast");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_refused_short_reply_keeps_its_text_and_says_why(bool javaScript)
    {
        var suffix = javaScript ? "sj" : "sn";
        var (categoryId, aliceId) = await AliceAsync(suffix);
        var topic = await forum.TopicAsync(aliceId, categoryId, "Lunch order for the meetup");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alice" + suffix, $"/t/{topic.Id}", javaScript);
        if (javaScript) await Expect(alice.Locator("article.topic[data-live=watching]")).ToHaveCountAsync(1);
        await alice.EvaluateAsync("() => { window.__notReloaded = true; }");

        await alice.Locator("form#reply textarea").FillAsync("Pizza for me");
        await Button(alice, "form#reply", "Reply").ClickAsync();

        await Expect(alice.Locator("form#reply .field-error")).ToContainTextAsync("20");
        await Expect(alice.Locator("form#reply textarea")).ToHaveValueAsync("Pizza for me");
        await Expect(alice.Locator("h1.topic-title")).ToHaveTextAsync("Lunch order for the meetup");
        await Expect(alice.Locator("#post-2")).ToHaveCountAsync(0);
        // With JavaScript the refusal is shown in place: the page is never left, so nothing typed can be lost.
        Assert.Equal(javaScript, await alice.EvaluateAsync<bool>("() => window.__notReloaded === true"));
    }

    [Fact]
    public async Task After_replying_to_a_post_the_next_reply_is_to_the_topic()
    {
        var (categoryId, aliceId) = await AliceAsync("g");
        var bobId = await forum.UserAsync("bobg");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Choosing a shared calendar");
        await forum.ReplyAsync(bobId, topic.Id, "Nextcloud calendars work well for us.");
        await forum.ReplyAsync(bobId, topic.Id, "Though CalDAV sync on phones can be slow.");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "aliceg", $"/t/{topic.Id}");
        await Expect(alice.Locator("article.topic[data-live=watching]")).ToHaveCountAsync(1);

        await alice.Locator("#post-3 a.reply-to-post").ClickAsync();
        await Expect(alice.Locator("form#reply .replying-to")).ToContainTextAsync("#3");
        await Expect(alice.Locator("article.topic[data-live=watching]")).ToHaveCountAsync(1);
        await alice.Locator("form#reply textarea").FillAsync("Slow for us too, on older Android phones.");
        await Button(alice, "form#reply", "Reply").ClickAsync();
        await Expect(alice.Locator("#post-4 .in-reply-to")).ToHaveCountAsync(1);

        await Expect(alice.Locator("form#reply .replying-to")).ToHaveCountAsync(0);
        await alice.Locator("form#reply textarea").FillAsync("Overall I vote for Nextcloud, then.");
        await Button(alice, "form#reply", "Reply").ClickAsync();
        await Expect(alice.Locator("#post-5")).ToContainTextAsync("I vote for Nextcloud");
        await Expect(alice.Locator("#post-5 .in-reply-to")).ToHaveCountAsync(0);
    }
}
