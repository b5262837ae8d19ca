using System.Text.RegularExpressions;
using Forum.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Browser;

/// <summary>
/// Drafts in a real browser: saved as the member types, back after a reload and on another device, gone once
/// posted, and leaving with text the server does not hold yet asks first.
/// </summary>
public sealed class DraftBrowserTests(BrowserForumApp forum, BrowserFixture browser)
    : IClassFixture<BrowserForumApp>, IClassFixture<BrowserFixture>
{
    private async Task<(long CategoryId, long AliceId)> AliceAsync(string suffix)
    {
        await forum.SetUpAsync("admin" + suffix);
        return (await forum.CategoryAsync("Drafting " + suffix), await forum.UserAsync("alice" + suffix));
    }

    private static ILocator Button(IPage page, string form, string name) =>
        page.Locator(form).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task A_reply_draft_survives_a_reload()
    {
        var (categoryId, aliceId) = await AliceAsync("r");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Who brings the sound system");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alicer", $"/t/{topic.Id}");

        await alice.Locator("form#reply textarea").FillAsync("I can bring two speakers and a mixer");
        await Expect(alice.Locator("form#reply .draft-status")).ToHaveTextAsync("Draft saved");
        await alice.ReloadAsync();

        await Expect(alice.Locator("form#reply textarea")).ToHaveValueAsync("I can bring two speakers and a mixer");
        await Expect(alice.Locator("form#reply .draft-status")).ToHaveTextAsync("Draft saved");
    }

    [Fact]
    public async Task A_new_topic_draft_typed_on_one_device_is_there_on_another()
    {
        var (categoryId, _) = await AliceAsync("d");
        var laptop = await browser.SignedInPageAsync(forum.BaseUrl, "aliced", "/new-topic");
        await laptop.Locator("#Input_Title").FillAsync("Cooperative insurance offers compared");
        await laptop.Locator("#Input_CategoryId").SelectOptionAsync(categoryId.ToString());
        await laptop.Locator("#Input_Raw").FillAsync("Three offers so far; the table follows.");
        await Expect(laptop.Locator(".draft-status")).ToHaveTextAsync("Draft saved");

        // A second browser context has its own cookies and storage: another device, signed in as the same member.
        var phone = await browser.SignedInPageAsync(forum.BaseUrl, "aliced", "/new-topic");

        await Expect(phone.Locator("#Input_Title")).ToHaveValueAsync("Cooperative insurance offers compared");
        await Expect(phone.Locator("#Input_CategoryId")).ToHaveValueAsync(categoryId.ToString());
        await Expect(phone.Locator("#Input_Raw")).ToHaveValueAsync("Three offers so far; the table follows.");
    }

    [Fact]
    public async Task The_draft_is_gone_after_posting_and_the_next_one_saves_again()
    {
        var (categoryId, aliceId) = await AliceAsync("p");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Date of the summer picnic");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alicep", $"/t/{topic.Id}");
        await Expect(alice.Locator("article.topic[data-live=watching]")).ToHaveCountAsync(1);

        await alice.Locator("form#reply textarea").FillAsync("The second Saturday of July suits us.");
        await Expect(alice.Locator("form#reply .draft-status")).ToHaveTextAsync("Draft saved");
        await Button(alice, "form#reply", "Reply").ClickAsync();
        await Expect(alice.Locator("#post-2 .cooked")).ToContainTextAsync("second Saturday of July");
        await Expect(alice.Locator("form#reply .draft-status")).ToHaveTextAsync("");

        // The box took up the draft's new sequence: the next draft saves rather than being refused as stale.
        await alice.Locator("form#reply textarea").FillAsync("And we can bring the grill.");
        await Expect(alice.Locator("form#reply .draft-status")).ToHaveTextAsync("Draft saved");
        var other = await browser.SignedInPageAsync(forum.BaseUrl, "alicep", $"/t/{topic.Id}");
        await Expect(other.Locator("form#reply textarea")).ToHaveValueAsync("And we can bring the grill.");
        await Button(other, "form#reply", "Reply").ClickAsync();
        await Expect(other.Locator("#post-3 .cooked")).ToContainTextAsync("bring the grill");

        await alice.ReloadAsync();
        await Expect(alice.Locator("form#reply textarea")).ToHaveValueAsync("");
        await Expect(alice.Locator("form#reply .draft-discard")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Discard_draft_empties_the_box_for_good()
    {
        var (categoryId, aliceId) = await AliceAsync("x");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Renaming the network");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alicex", $"/t/{topic.Id}");

        await alice.Locator("form#reply textarea").FillAsync("What about Ronda Cooperativa?");
        await Expect(alice.Locator("form#reply .draft-status")).ToHaveTextAsync("Draft saved");
        await Button(alice, "form#reply", "Discard draft").ClickAsync();
        await Expect(alice.Locator("form#reply textarea")).ToHaveValueAsync("");
        await alice.ReloadAsync();

        await Expect(alice.Locator("form#reply textarea")).ToHaveValueAsync("");
        await Expect(alice.Locator("form#reply .draft-discard")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Without_javascript_a_refused_reply_becomes_a_draft_that_discard_draft_removes()
    {
        var (categoryId, aliceId) = await AliceAsync("n");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Printing the membership cards");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alicen", $"/t/{topic.Id}", javaScriptEnabled: false);

        await alice.Locator("form#reply textarea").FillAsync("Card stock?");
        await Button(alice, "form#reply", "Reply").ClickAsync();
        await Expect(alice.Locator("form#reply .draft-status")).ToHaveTextAsync("Draft saved");
        await alice.GotoAsync($"/t/{topic.Id}");
        await Expect(alice.Locator("form#reply textarea")).ToHaveValueAsync("Card stock?");

        await Button(alice, "form#reply", "Discard draft").ClickAsync();
        await Expect(alice).ToHaveURLAsync(new Regex(@"/t/[^/]+/\d+#reply$"));
        await Expect(alice.Locator("form#reply textarea")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task Leaving_with_text_not_yet_saved_warns_but_not_once_it_is_saved_or_sent()
    {
        var (categoryId, aliceId) = await AliceAsync("w");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Moving the meeting online");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alicew", $"/t/{topic.Id}");
        var dialogs = new List<string>();
        alice.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            await dialog.DismissAsync();
        };

        // The connection drops: the draft cannot reach the server, so the text exists only in this page.
        await alice.RouteAsync("**/drafts.json", route => route.AbortAsync());
        await alice.Locator("form#reply textarea").FillAsync("Jitsi worked fine last time for us.");
        await Expect(alice.Locator("form#reply .draft-status")).ToContainTextAsync("Draft not saved");
        await alice.Locator(".site-nav a[href='/latest']").ClickAsync();
        await Expect(alice.Locator("form#reply textarea")).ToHaveValueAsync("Jitsi worked fine last time for us.");
        Assert.Equal(["beforeunload"], dialogs);

        // Back online: once the draft is saved, leaving is quiet.
        await alice.UnrouteAsync("**/drafts.json");
        await alice.Locator("form#reply textarea").FillAsync("Jitsi worked fine last time for us, twice.");
        await Expect(alice.Locator("form#reply .draft-status")).ToHaveTextAsync("Draft saved");
        await alice.Locator(".site-nav a[href='/latest']").ClickAsync();
        await Expect(alice).ToHaveURLAsync(new Regex("/latest$"));
        Assert.Single(dialogs);
    }

    [Fact]
    public async Task A_reply_refused_in_place_is_kept_as_the_draft_and_leaving_then_is_quiet()
    {
        var (categoryId, aliceId) = await AliceAsync("f");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Choosing the assembly venue");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alicef", $"/t/{topic.Id}");
        await Expect(alice.Locator("article.topic[data-live=watching]")).ToHaveCountAsync(1);
        var dialogs = 0;
        alice.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        // Only the refused submit can save this text: the autosave never reaches the server.
        await alice.RouteAsync("**/drafts.json", route => route.Request.Method == "POST" ? route.AbortAsync() : route.ContinueAsync());

        await alice.Locator("form#reply textarea").FillAsync("The old school?");
        await Button(alice, "form#reply", "Reply").ClickAsync();
        await Expect(alice.Locator("form#reply .field-error")).ToContainTextAsync("20");
        await Expect(alice.Locator("form#reply .draft-status")).ToHaveTextAsync("Draft saved");

        await alice.Locator(".site-nav a[href='/latest']").ClickAsync();
        await Expect(alice).ToHaveURLAsync(new Regex("/latest$"));
        Assert.Equal(0, dialogs);
        await alice.GotoAsync($"/t/{topic.Id}");
        await Expect(alice.Locator("form#reply textarea")).ToHaveValueAsync("The old school?");
    }

    [Fact]
    public async Task Sending_a_form_with_unsaved_text_does_not_warn()
    {
        var (categoryId, _) = await AliceAsync("s");
        var alice = await browser.SignedInPageAsync(forum.BaseUrl, "alices", "/new-topic");
        var dialogs = 0;
        alice.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        // No draft reaches the server, so the text is unsaved for sure when the form is sent.
        await alice.RouteAsync("**/drafts.json", route => route.AbortAsync());

        await alice.Locator("#Input_Title").FillAsync("Bulk order of recycled paper");
        await alice.Locator("#Input_CategoryId").SelectOptionAsync(categoryId.ToString());
        await alice.Locator("#Input_Raw").FillAsync("Who wants in on a pallet of recycled paper?");
        await Button(alice, "form.composer", "Create topic").ClickAsync();

        await Expect(alice.Locator("h1.topic-title")).ToHaveTextAsync("Bulk order of recycled paper");
        Assert.Equal(0, dialogs);
    }
}
