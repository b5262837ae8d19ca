using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Forum.Core.Markdown;
using Forum.Tests.Infrastructure;
using Forum.Tests.Moderation;
using Forum.Tests.Notifications;

namespace Forum.Tests.Composer;

/// <summary>
/// The composer's JSON endpoints: the live preview (the saved HTML, sanitized, within the render budget), the
/// "@" suggestions (only names a mention would resolve to) and the ":" emoji suggestions; guests are refused in JSON.
/// </summary>
public sealed class ComposerApiTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private static async Task<HttpResponseMessage> PreviewAsync(WebSession session, string raw, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/composer/preview")
        {
            Content = new FormUrlEncodedContent([new("raw", raw)]),
        };
        if (withToken)
        {
            var csrf = await session.Client.GetFromJsonAsync<JsonElement>("/session/csrf");
            request.Headers.Add("X-CSRF-Token", csrf.GetProperty("csrf").GetString());
        }
        return await session.Client.SendAsync(request);
    }

    private static async Task<string> CookedOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cooked").GetString()!;
    }

    private static async Task<string[]> ErrorsOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static async Task<(string[] Users, string[] Groups)> SuggestedAsync(WebSession session, string term)
    {
        var response = await session.Client.GetAsync("/u/search/users.json?term=" + Uri.EscapeDataString(term));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("username").GetString()!).ToArray(),
            body.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()!).ToArray());
    }

    [Fact]
    public async Task The_preview_is_the_html_saving_would_store_with_hostile_html_made_harmless()
    {
        await forum.SetUpAsync("admin_pv");
        await forum.UserAsync("writer_pv");
        using var writer = await forum.SignedInAsync("writer_pv");
        const string raw = "**Bold** and <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) :tada:";

        var cooked = await CookedOfAsync(await PreviewAsync(writer, raw));

        Assert.Contains("<strong>Bold</strong>", cooked);
        Assert.Contains("🎉", cooked);
        Assert.DoesNotContain("<script", cooked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", cooked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", cooked, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(forum.Get<PostCooker>().Cook(raw).Html, cooked);
    }

    [Fact]
    public async Task The_preview_links_mentions_of_members_as_the_saved_post_will()
    {
        await forum.SetUpAsync("admin_pm");
        await forum.UserAsync("writer_pm");
        await forum.UserAsync("reader_pm");
        using var writer = await forum.SignedInAsync("writer_pm");

        var cooked = await CookedOfAsync(await PreviewAsync(writer, "Thanks @reader_pm and @nobody_pm"));

        var links = new HtmlParser().ParseDocument(cooked).QuerySelectorAll("a.mention").Select(a => a.TextContent).ToArray();
        Assert.Equal(["@reader_pm"], links);
    }

    [Fact]
    public async Task A_text_too_costly_to_render_is_refused_within_the_budget()
    {
        await forum.SetUpAsync("admin_pb");
        await forum.UserAsync("writer_pb");
        using var writer = await forum.SignedInAsync("writer_pb");

        var clock = Stopwatch.StartNew();
        var brackets = await PreviewAsync(writer, string.Concat(Enumerable.Repeat("[a](", 7_000)));
        var nested = await PreviewAsync(writer, new string('>', 16_000) + " deep");
        clock.Stop();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, brackets.StatusCode);
        Assert.Equal([UnrenderablePostException.TooComplex], await ErrorsOfAsync(brackets));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nested.StatusCode);
        Assert.Equal([UnrenderablePostException.TooDeep], await ErrorsOfAsync(nested));
        // The parse budget is one second per render; both together stay well inside a few, even on a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2 * PostCooker.ParseBudget.TotalSeconds + 3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Guests_and_requests_without_the_token_are_refused_in_json()
    {
        await forum.SetUpAsync("admin_pg");
        await forum.UserAsync("writer_pg");
        using var guest = forum.Session();

        var guestPreview = await PreviewAsync(guest, "A preview by a guest.");
        Assert.Equal(HttpStatusCode.Forbidden, guestPreview.StatusCode);
        Assert.Equal("invalid_access", (await guestPreview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_type").GetString());
        var guestSearch = await guest.Client.GetAsync("/u/search/users.json?term=wr");
        Assert.Equal(HttpStatusCode.Forbidden, guestSearch.StatusCode);
        Assert.Equal("invalid_access", (await guestSearch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_type").GetString());

        using var writer = await forum.SignedInAsync("writer_pg");
        var forged = await PreviewAsync(writer, "A preview without its token.", withToken: false);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(["The request could not be verified. Reload the page and try again."], await ErrorsOfAsync(forged));
    }

    [Fact]
    public async Task User_search_offers_members_and_mentionable_groups_by_prefix_and_each_becomes_a_mention()
    {
        await forum.SetUpAsync("admin_us");
        await forum.UserAsync("quill_writer");
        await forum.UserAsync("quinta");
        await forum.UserAsync("quorum_keeper");
        await forum.UserAsync("bob_qu");
        await forum.GroupAsync("quilters", mentionable: true, "quinta");
        await forum.GroupAsync("quiet_board", mentionable: false, "quinta");
        using var writer = await forum.SignedInAsync("quill_writer");

        var (users, groups) = await SuggestedAsync(writer, "@QUI");

        Assert.Equal(["quill_writer", "quinta"], users.Order());
        Assert.Equal(["quilters"], groups);
        var cooked = new HtmlParser().ParseDocument(await CookedOfAsync(await PreviewAsync(writer, "Hello @quinta and @quilters, not @quiet_board.")));
        Assert.Equal(["@quinta"], cooked.QuerySelectorAll("a.mention").Select(a => a.TextContent));
        Assert.Equal(["@quilters"], cooked.QuerySelectorAll(".mention-group").Select(a => a.TextContent));
    }

    [Fact]
    public async Task User_search_takes_the_term_literally_and_refuses_an_overlong_one()
    {
        await forum.SetUpAsync("admin_ul");
        await forum.UserAsync("x_literal");
        await forum.UserAsync("xyliteral");
        using var writer = await forum.SignedInAsync("x_literal");

        Assert.Equal(["x_literal"], (await SuggestedAsync(writer, "x_")).Users);
        Assert.Empty((await SuggestedAsync(writer, "x%")).Users);
        Assert.Empty((await SuggestedAsync(writer, "")).Users);

        var overlong = await writer.Client.GetAsync("/u/search/users.json?term=" + new string('x', 61));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlong.StatusCode);
        Assert.Equal(["Type at most 60 characters to look up a name."], await ErrorsOfAsync(overlong));
    }

    [Fact]
    public async Task Emoji_search_offers_shortcodes_the_cooker_renders_best_match_first()
    {
        var body = await forum.CreateClient().GetFromJsonAsync<JsonElement>("/emojis.json?term=smi");
        var emojis = body.GetProperty("emojis").EnumerateArray().Select(e => (Name: e.GetProperty("name").GetString()!, Emoji: e.GetProperty("emoji").GetString()!)).ToList();

        Assert.Equal("smile", emojis[0].Name);
        Assert.Contains(emojis, e => e.Name == "smiley");
        Assert.Contains(emojis, e => e.Name == "sweat_smile");
        Assert.True(emojis.FindIndex(e => e.Name == "sweat_smile") > emojis.FindIndex(e => e.Name == "smiley"));
        var cooker = forum.Get<PostCooker>();
        Assert.All(emojis, e => Assert.Contains(e.Emoji, cooker.Cook($"Look :{e.Name}:").Html));
        Assert.Empty((await forum.CreateClient().GetFromJsonAsync<JsonElement>("/emojis.json?term=")).GetProperty("emojis").EnumerateArray());
    }
}
