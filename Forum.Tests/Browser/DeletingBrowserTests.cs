using System.Text.RegularExpressions;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Browser;

/// <summary>Deleting in a real browser asks first: a post (which its author can then undo) and a topic, with JavaScript on and off.</summary>
public sealed class DeletingBrowserTests(BrowserForumApp forum, BrowserFixture browser)
    : IClassFixture<BrowserForumApp>, IClassFixture<BrowserFixture>
{
    private static ILocator Button(IPage page, string scope, string name) =>
        page.Locator(scope).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deleting_a_post_asks_first_and_the_author_can_undo_it(bool javaScript)
    {
        var suffix = javaScript ? "pj" : "pn";
        await forum.SetUpAsync("admin" + suffix);
        var categoryId = await forum.CategoryAsync("Deleting " + suffix);
        var ana = await forum.UserAsync("ana" + suffix);
        var bruno = await forum.UserAsync("bruno" + suffix);
        var topic = await forum.TopicAsync(ana, categoryId, "Where to store the banners");
        await forum.ReplyAsync(bruno, topic.Id, "In the basement, next to the chairs.");
        var page = await browser.SignedInPageAsync(forum.BaseUrl, "bruno" + suffix, $"/t/{topic.Id}", javaScript);

        // The first click only asks; Cancel leaves the post as it was.
        await page.Locator("#post-2 a.delete-post").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Delete post");
        await Expect(page.Locator("form.delete-confirmation")).ToContainTextAsync("Delete post #2 in Where to store the banners?");
        await page.Locator("form.delete-confirmation").GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.Locator("#post-2 .cooked")).ToHaveTextAsync("In the basement, next to the chairs.");
        await Expect(page.Locator("#post-2 .post-deleted-notice")).ToHaveCountAsync(0);

        await page.Locator("#post-2 a.delete-post").ClickAsync();
        await Button(page, "form.delete-confirmation", "Delete").ClickAsync();
        await Expect(page.Locator("#post-2 .post-deleted-notice")).ToHaveTextAsync("This post was deleted.");

        await Button(page, "#post-2", "Undo").ClickAsync();
        await Expect(page.Locator("#post-2 .post-deleted-notice")).ToHaveCountAsync(0);
        await Expect(page.Locator("#post-2 .cooked")).ToHaveTextAsync("In the basement, next to the chairs.");
        await Expect(page.Locator("#post-2 a.delete-post")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deleting_a_topic_asks_first_and_restoring_brings_it_back(bool javaScript)
    {
        var suffix = javaScript ? "tj" : "tn";
        await forum.SetUpAsync("admin" + suffix);
        var categoryId = await forum.CategoryAsync("Deleting topics " + suffix);
        var author = await forum.UserAsync("author" + suffix);
        await forum.UserAsync("mod" + suffix, UserRole.Moderator);
        var topic = await forum.TopicAsync(author, categoryId, "A thread a moderator nearly deletes");
        var page = await browser.SignedInPageAsync(forum.BaseUrl, "mod" + suffix, $"/t/{topic.Id}", javaScript);

        await page.Locator("details#moderation summary").ClickAsync();
        await page.Locator("a#delete-topic").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Delete topic");
        await Expect(page.Locator("form.delete-confirmation")).ToContainTextAsync("Delete the topic A thread a moderator nearly deletes?");
        await page.Locator("form.delete-confirmation").GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.Locator("h1.topic-title")).ToHaveTextAsync("A thread a moderator nearly deletes");
        await Expect(page.Locator(".topic-deleted-notice")).ToHaveCountAsync(0);

        await page.Locator("details#moderation summary").ClickAsync();
        await page.Locator("a#delete-topic").ClickAsync();
        await Button(page, "form.delete-confirmation", "Delete").ClickAsync();
        await Expect(page.Locator(".topic-deleted-notice")).ToHaveTextAsync("This topic was deleted. Only staff can see it.");

        await page.Locator("details#moderation summary").ClickAsync();
        await Button(page, "#restore-topic", "Restore topic").ClickAsync();
        await Expect(page.Locator(".topic-deleted-notice")).ToHaveCountAsync(0);
        await Expect(page.Locator("h1.topic-title")).ToHaveTextAsync("A thread a moderator nearly deletes");
    }
}
