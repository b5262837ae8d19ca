using Dapper;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;
using Forum.Tests.Notifications;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Browser;

/// <summary>
/// The composer in a real browser: the preview follows the typing without a reload (beside the box on a wide
/// screen, below it on a phone), "@" and ":" suggestions by keyboard and by mouse, the toolbar, quoting a
/// selection of a post, and the edit history's marked changes.
/// </summary>
public sealed class ComposerBrowserTests(BrowserForumApp forum, BrowserFixture browser)
    : IClassFixture<BrowserForumApp>, IClassFixture<BrowserFixture>
{
    private async Task<(long CategoryId, long AuthorId)> SetUpAsync(string suffix)
    {
        await forum.SetUpAsync("admin" + suffix);
        return (await forum.CategoryAsync("Composer " + suffix), await forum.UserAsync("alice" + suffix));
    }

    private static ILocator Box(IPage page) => page.Locator("form#reply textarea[name='Input.Raw']");

    private static Task SelectAsync(IPage page, string selector, string text) => page.EvaluateAsync("""
        ([selector, text]) => {
            const body = document.querySelector(selector);
            const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(text);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + text.length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return;
            }
            throw new Error("text not found: " + text);
        }
        """, new[] { selector, text });

    [Fact]
    public async Task The_preview_follows_the_typing_beside_the_box_when_wide_and_below_it_on_a_phone()
    {
        var (categoryId, aliceId) = await SetUpAsync("pv");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Choosing a bookkeeping tool");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alicepv", $"/t/{topic.Id}");
        await alice.EvaluateAsync("() => { window.__notReloaded = true; }");

        await Box(alice).PressSequentiallyAsync("We tried **GnuCash** and _Akaunting_.");

        var preview = alice.Locator("form#reply .live-preview");
        await Expect(preview.Locator(".cooked strong")).ToHaveTextAsync("GnuCash");
        await Expect(preview.Locator(".cooked em")).ToHaveTextAsync("Akaunting");
        Assert.True(await alice.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        var box = (await Box(alice).BoundingBoxAsync())!;
        var beside = (await preview.BoundingBoxAsync())!;
        Assert.True(beside.X >= box.X + box.Width, $"preview at x={beside.X}, box ends at {box.X + box.Width}");

        await alice.SetViewportSizeAsync(390, 844);
        await Expect(preview).ToBeVisibleAsync();
        box = (await Box(alice).BoundingBoxAsync())!;
        var below = (await preview.BoundingBoxAsync())!;
        Assert.True(below.Y >= box.Y + box.Height, $"preview at y={below.Y}, box ends at {box.Y + box.Height}");

        await Box(alice).FillAsync("Now <b>raw html</b> stays text");
        await Expect(preview.Locator(".cooked")).ToContainTextAsync("<b>raw html</b> stays text");
        await Expect(preview.Locator(".cooked b")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_mention_is_chosen_from_the_suggestions_by_keyboard()
    {
        var (categoryId, aliceId) = await SetUpAsync("mk");
        await forum.UserAsync("marisol_mk");
        await forum.UserAsync("mariano_mk");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Who runs the next meetup");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alicemk", $"/t/{topic.Id}");

        await Box(alice).PressSequentiallyAsync("Maybe @mari");
        var options = alice.Locator("form#reply [role=listbox] [role=option]");
        await Expect(options).ToHaveCountAsync(2);
        await Expect(Box(alice)).ToHaveAttributeAsync("aria-activedescendant", (await options.Nth(0).GetAttributeAsync("id"))!);
        await Box(alice).PressAsync("ArrowDown");
        var second = options.Nth(1);
        await Expect(second).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(Box(alice)).ToHaveAttributeAsync("aria-activedescendant", (await second.GetAttributeAsync("id"))!);
        var chosen = (await second.TextContentAsync())!;
        await Box(alice).PressAsync("Enter");

        await Expect(alice.Locator("form#reply [role=listbox]")).ToBeHiddenAsync();
        await Expect(Box(alice)).ToHaveValueAsync("Maybe " + chosen + " ");
        await Expect(alice.Locator("form#reply .live-preview a.mention")).ToHaveTextAsync(chosen);

        // Escape closes the list and keeps what was typed.
        await Box(alice).PressSequentiallyAsync("or @mari");
        await Expect(options).ToHaveCountAsync(2);
        await Box(alice).PressAsync("Escape");
        await Expect(alice.Locator("form#reply [role=listbox]")).ToBeHiddenAsync();
        await Expect(Box(alice)).ToHaveValueAsync("Maybe " + chosen + " or @mari");
    }

    [Fact]
    public async Task A_mention_of_a_member_or_a_group_is_chosen_by_mouse_and_unmentionable_groups_are_not_offered()
    {
        var (categoryId, aliceId) = await SetUpAsync("mm");
        await forum.UserAsync("tobias_mm");
        await forum.GroupAsync("toolmakers_mm", mentionable: true, "tobias_mm");
        await forum.GroupAsync("tooling_board_mm", mentionable: false, "tobias_mm");
        var topic = await forum.TopicAsync(aliceId, categoryId, "The shared tool library");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alicemm", $"/t/{topic.Id}");

        await Box(alice).PressSequentiallyAsync("Ask @to");
        var options = alice.Locator("form#reply [role=option]");
        await Expect(options).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("^@tobias_mm"), new System.Text.RegularExpressions.Regex("^@toolmakers_mm")]);
        await options.Filter(new() { HasText = "@toolmakers_mm" }).ClickAsync();

        await Expect(Box(alice)).ToHaveValueAsync("Ask @toolmakers_mm ");
        await Expect(Box(alice)).ToBeFocusedAsync();
        await Expect(alice.Locator("form#reply .live-preview .mention-group")).ToHaveTextAsync("@toolmakers_mm");
    }

    [Fact]
    public async Task An_emoji_is_suggested_after_a_colon_and_chosen_with_tab()
    {
        var (categoryId, aliceId) = await SetUpAsync("em");
        var topic = await forum.TopicAsync(aliceId, categoryId, "We moved into the new office");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "aliceem", $"/t/{topic.Id}");

        await Box(alice).PressSequentiallyAsync("Congratulations :tad");
        var first = alice.Locator("form#reply [role=option]").First;
        await Expect(first).ToContainTextAsync(":tada:");
        await Box(alice).PressAsync("Tab");

        await Expect(Box(alice)).ToHaveValueAsync("Congratulations :tada: ");
        await Expect(alice.Locator("form#reply .live-preview .emoji")).ToHaveTextAsync("🎉");
    }

    [Fact]
    public async Task The_toolbar_formats_the_selection_and_is_absent_without_javascript()
    {
        var (categoryId, aliceId) = await SetUpAsync("tb");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Notes from the general assembly");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alicetb", $"/t/{topic.Id}");

        await Box(alice).FillAsync("The vote passed unanimously.");
        await Box(alice).EvaluateAsync("box => box.setSelectionRange(4, 8)");
        await alice.Locator("form#reply").GetByRole(AriaRole.Button, new() { Name = "Bold", Exact = true }).ClickAsync();
        await Expect(Box(alice)).ToHaveValueAsync("The **vote** passed unanimously.");
        await Expect(alice.Locator("form#reply .live-preview strong")).ToHaveTextAsync("vote");

        await Box(alice).EvaluateAsync("box => box.setSelectionRange(0, box.value.length)");
        await alice.Locator("form#reply").GetByRole(AriaRole.Button, new() { Name = "Bulleted list", Exact = true }).ClickAsync();
        await Expect(Box(alice)).ToHaveValueAsync("- The **vote** passed unanimously.");
        await Expect(alice.Locator("form#reply .live-preview li")).ToHaveCountAsync(1);

        var plain = await browser.SignedInPageAsync(forum.BaseUrl, "alicetb", $"/t/{topic.Id}", javaScriptEnabled: false);
        await Expect(plain.Locator("form#reply textarea")).ToBeVisibleAsync();
        await Expect(plain.GetByRole(AriaRole.Button, new() { Name = "Bold", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_selection_of_a_post_is_quoted_into_the_reply_attributed_but_never_from_a_hidden_post()
    {
        var (categoryId, aliceId) = await SetUpAsync("qs");
        var bobId = await forum.UserAsync("bobqs");
        var topic = await forum.TopicAsync(bobId, categoryId, "When does the co-op meet",
            "The cooperative meets every Tuesday evening at the library, except in August.");
        var hidden = await forum.ReplyAsync(bobId, topic.Id, "Something a moderator hid after flags were agreed.");
        await using (var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE posts SET hidden_at = now() WHERE id = @Id", new { Id = hidden.PostId });
        await forum.UserAsync("modqs", UserRole.Moderator);

        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "aliceqs", $"/t/{topic.Slug}/{topic.Id}");
        var quote = alice.Locator("button.quote-selection");
        await SelectAsync(alice, "#post-1 .cooked", "every Tuesday evening");
        await Expect(quote).ToBeVisibleAsync();
        await quote.ClickAsync();

        await Expect(Box(alice)).ToHaveValueAsync($"> [@bobqs](/t/{topic.Slug}/{topic.Id}/1):\n> every Tuesday evening\n\n");
        await Expect(Box(alice)).ToBeFocusedAsync();
        await Box(alice).PressSequentiallyAsync("Tuesday works for me too.");
        await alice.Locator("form#reply").GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();
        await Expect(alice.Locator("#post-3 .cooked blockquote")).ToContainTextAsync("every Tuesday evening");
        await Expect(alice.Locator("#post-3 .cooked blockquote a")).ToHaveTextAsync("@bobqs");

        // Staff read the hidden text, but it is still not offered for quoting.
        var moderator = await browser.SignedInPageAsync(forum.BaseUrl, "modqs", $"/t/{topic.Slug}/{topic.Id}");
        await SelectAsync(moderator, "#post-1 .cooked", "every Tuesday");
        await Expect(moderator.Locator("button.quote-selection")).ToBeVisibleAsync();
        await SelectAsync(moderator, "#post-2 .cooked", "moderator hid");
        await Expect(moderator.Locator("button.quote-selection")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_edit_history_marks_what_each_version_inserted_and_deleted()
    {
        var (categoryId, aliceId) = await SetUpAsync("rv");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Where to print the posters");
        var reply = await forum.ReplyAsync(aliceId, topic.Id, "The print shop on Rua Augusta is cheap.");
        await forum.EditAsync(aliceId, reply.PostId, "The print shop on Rua Augusta is fast and cheap.");
        await forum.EditAsync(aliceId, reply.PostId, "The print shop on Rua Aurea is fast and cheap.");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alicerv", $"/p/{reply.PostId}/revisions");

        await Expect(alice.Locator("#revision-3 .revision-diff del")).ToHaveTextAsync("Augusta");
        await Expect(alice.Locator("#revision-3 .revision-diff ins")).ToHaveTextAsync("Aurea");
        await Expect(alice.Locator("#revision-2 .revision-diff ins")).ToHaveTextAsync("fast and ");
        await Expect(alice.Locator("#revision-2 .revision-diff del")).ToHaveCountAsync(0);
        await Expect(alice.Locator("#revision-2 .revision-diff")).ToHaveTextAsync("The print shop on Rua Augusta is fast and cheap.");
        await Expect(alice.Locator("#revision-1 .revision-diff")).ToHaveCountAsync(0);
    }
}
