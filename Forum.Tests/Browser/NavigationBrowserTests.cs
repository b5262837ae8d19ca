using System.Text.RegularExpressions;
using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Browser;

/// <summary>Finding one's way in a real browser: the position indicator, the jump, the user card by keyboard, the moderator links.</summary>
public sealed class NavigationBrowserTests(BrowserForumApp forum, BrowserFixture browser)
    : IClassFixture<BrowserForumApp>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_position_indicator_follows_the_scroll_and_jumps_to_a_post_number()
    {
        await forum.SetUpAsync("admin_pos");
        var author = await forum.UserAsync("pos_author");
        await forum.UserAsync("pos_reader");
        var category = await forum.CategoryAsync("Positions");
        var topic = await forum.TopicAsync(author, category, "A long thread to scroll through");
        for (var n = 2; n <= 45; n++) await forum.ReplyAsync(author, topic.Id, $"Reply number {n} of the long thread.");
        var page = await browser.SignedInPageAsync(forum.BaseUrl, "pos_reader", $"/t/{topic.Slug}/{topic.Id}");

        var summary = page.Locator(".topic-position summary");
        await Expect(summary).ToHaveTextAsync(new Regex(@"^\s*1 / 45\s*$"));
        await page.EvaluateAsync("document.getElementById('post-12').scrollIntoView()");
        await Expect(summary).ToHaveTextAsync(new Regex(@"^\s*1[234] / 45\s*$"));
        await Expect(summary).ToHaveAttributeAsync("aria-label", new Regex(@"^1[234] / 45: "));
        // Sticky: still on screen after scrolling.
        await Expect(summary).ToBeInViewportAsync();

        await summary.ClickAsync();
        await page.Locator(".jump-form input.jump-post").FillAsync("33");
        await page.Locator(".jump-form input.jump-post").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($@"/t/{topic.Slug}/{topic.Id}/33$"));
        await Expect(page.Locator("#post-33")).ToBeInViewportAsync();
        await Expect(summary).ToHaveTextAsync(new Regex(@"^\s*3[345] / 45\s*$"));
    }

    [Fact]
    public async Task The_user_card_opens_and_closes_by_keyboard()
    {
        await forum.SetUpAsync("admin_cardb");
        var author = await forum.UserAsync("card_author");
        await forum.UserAsync("card_reader");
        var category = await forum.CategoryAsync("Cards");
        var topic = await forum.TopicAsync(author, category, "A topic whose author has a card");
        var page = await browser.SignedInPageAsync(forum.BaseUrl, "card_reader", $"/t/{topic.Slug}/{topic.Id}");

        var name = page.Locator("#post-1 a.post-author");
        await name.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var card = page.GetByRole(AriaRole.Dialog, new() { Name = "User card" });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToBeFocusedAsync();
        await Expect(card.Locator(".user-card-topics")).ToContainTextAsync("A topic whose author has a card");
        await Expect(page).ToHaveURLAsync(new Regex($@"/t/{topic.Slug}/{topic.Id}$"));

        await page.Keyboard.PressAsync("Escape");
        await Expect(card).ToHaveCountAsync(0);
        await Expect(name).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_moderator_clicks_through_to_review_the_staff_log_and_a_members_moderation_page()
    {
        var admin = await forum.SetUpAsync("admin_modb");
        await forum.UserAsync("modb", UserRole.Moderator);
        var author = await forum.UserAsync("modb_author");
        var flagger = await forum.UserAsync("modb_flagger");
        var category = await forum.CategoryAsync("Moderated");
        var topic = await forum.TopicAsync(author, category, "A topic with a flagged reply");
        var reply = await forum.ReplyAsync(author, topic.Id, "A reply that gets flagged.");
        await forum.InScopeAsync(sp => sp.GetRequiredService<FlagService>()
            .FlagAsync(new Viewer(flagger, UserRole.Member), reply.PostId, FlagReason.Spam, "", default));
        var page = await browser.SignedInPageAsync(forum.BaseUrl, "modb", "/latest");

        await page.GetByRole(AriaRole.Link, new() { Name = "Review: 1 waiting" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/review$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Staff log", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/logs$"));

        await page.GotoAsync(forum.BaseUrl + $"/t/{topic.Slug}/{topic.Id}");
        await page.Locator("#post-2 a.post-author").ClickAsync();
        var card = page.GetByRole(AriaRole.Dialog, new() { Name = "User card" });
        await card.GetByRole(AriaRole.Link, new() { Name = "Moderate this member" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/u/modb_author/moderate$"));

        await page.GotoAsync(forum.BaseUrl + "/u/modb_author");
        await page.GetByRole(AriaRole.Link, new() { Name = "Moderate this member" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/u/modb_author/moderate$"));
    }
}
