using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Forum.Core.Topics;
using Forum.Tests.Infrastructure;
using Forum.Tests.Moderation;
using static Forum.Tests.Moderation.ModerationKit;

namespace Forum.Tests.Drafts;

/// <summary>
/// Drafts, as Discourse keeps them: saved per member and key through /drafts.json, rendered back into the composer
/// on any device, kept when a submit is refused, and gone once posted. No member reaches another's drafts.
/// </summary>
public sealed class DraftTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private async Task<(long AliceId, CreatedTopic Topic, long CategoryId)> SetUpAsync(string suffix)
    {
        await forum.SetUpAsync("admin" + suffix);
        var categoryId = await forum.CategoryAsync("Drafts " + suffix);
        var aliceId = await forum.UserAsync("alice" + suffix);
        await forum.UserAsync("bob" + suffix);
        var topic = await forum.TopicAsync(aliceId, categoryId, "Planning the spring assembly " + suffix);
        return (aliceId, topic, categoryId);
    }

    private static async Task<string> CsrfAsync(WebSession session) =>
        (await session.Client.GetFromJsonAsync<JsonElement>("/session/csrf")).GetProperty("csrf").GetString()!;

    private static async Task<HttpResponseMessage> SaveAsync(WebSession session, object body, string? csrf = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/drafts.json") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-Token", csrf ?? await CsrfAsync(session));
        return await session.Client.SendAsync(request);
    }

    private static async Task<JsonElement> DraftAsync(WebSession session, string key)
    {
        var response = await session.Client.GetAsync($"/drafts.json?key={key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string BoxText(WebSession.Page page, string form = "form.composer") =>
        page.Document.QuerySelector($"{form} textarea[name='Input.Raw']")!.TextContent;

    [Fact]
    public async Task A_reply_draft_saved_while_typing_comes_back_in_the_reply_box_on_another_device()
    {
        var (_, topic, _) = await SetUpAsync("a");
        using (var laptop = await forum.SignedInAsync("alicea"))
        {
            var saved = await SaveAsync(laptop, new { draft_key = $"topic_{topic.Id}", raw = "I can bring the projector and", sequence = 0 });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        using var phone = await forum.SignedInAsync("alicea");
        var page = await phone.OpenAsync(UrlOf(topic));
        Assert.Equal("I can bring the projector and", BoxText(page, "form#reply"));
        Assert.Equal("Draft saved", page.TextOf("form#reply .draft-status"));
        Assert.Equal("I can bring the projector and", (await DraftAsync(phone, $"topic_{topic.Id}")).GetProperty("raw").GetString());
    }

    [Fact]
    public async Task Another_member_can_neither_read_nor_overwrite_a_members_draft()
    {
        var (_, topic, _) = await SetUpAsync("b");
        var key = $"topic_{topic.Id}";
        using var alice = await forum.SignedInAsync("aliceb");
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(alice, new { draft_key = key, raw = "Alice's private thoughts on the budget", sequence = 0 })).StatusCode);

        using var bob = await forum.SignedInAsync("bobb");
        Assert.Equal(JsonValueKind.Null, (await DraftAsync(bob, key)).GetProperty("raw").ValueKind);
        Assert.Equal("", BoxText(await bob.OpenAsync(UrlOf(topic)), "form#reply"));
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(bob, new { draft_key = key, raw = "Bob writes under the same key", sequence = 0 })).StatusCode);
        // Alice's token does not make Bob's request Alice's: the owner is whoever is signed in.
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(bob, new { draft_key = key, raw = "With Alice's token", sequence = 0 }, await CsrfAsync(alice))).StatusCode);

        Assert.Equal("Alice's private thoughts on the budget", (await DraftAsync(alice, key)).GetProperty("raw").GetString());
        Assert.Equal("Bob writes under the same key", (await DraftAsync(bob, key)).GetProperty("raw").GetString());
        using var guest = forum.Session();
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.Client.GetAsync($"/drafts.json?key={key}")).StatusCode);
    }

    [Fact]
    public async Task Posting_the_reply_discards_its_draft_and_a_composer_still_open_elsewhere_cannot_bring_it_back()
    {
        var (_, topic, _) = await SetUpAsync("c");
        var key = $"topic_{topic.Id}";
        using var alice = await forum.SignedInAsync("alicec");
        await SaveAsync(alice, new { draft_key = key, raw = "Count me in for the spring assembly.", sequence = 0 });
        var page = await alice.OpenAsync(UrlOf(topic));

        var posted = await alice.SubmitAndFollowAsync(page, "form#reply", new Dictionary<string, string> { ["Input.Raw"] = BoxText(page, "form#reply") });

        Assert.Equal("Count me in for the spring assembly.", posted.TextOf("#post-2 .cooked"));
        Assert.Equal("", BoxText(posted, "form#reply"));
        Assert.Equal("", posted.TextOf("form#reply .draft-status"));
        var draft = await DraftAsync(alice, key);
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("raw").ValueKind);
        Assert.Equal(1, draft.GetProperty("sequence").GetInt32());
        // Another tab, loaded before the post, still holds sequence 0.
        var stale = await SaveAsync(alice, new { draft_key = key, raw = "Count me in for the spring assembly. Edited", sequence = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(alice, new { draft_key = key, raw = "A second reply, begun afresh", sequence = 1 })).StatusCode);
    }

    [Fact]
    public async Task A_refused_reply_is_kept_as_a_draft_and_the_form_keeps_its_text()
    {
        var (_, topic, _) = await SetUpAsync("d");
        using var alice = await forum.SignedInAsync("aliced");
        var page = await alice.OpenAsync(UrlOf(topic));

        var refused = await alice.SubmitAsync(page, "form#reply", new Dictionary<string, string> { ["Input.Raw"] = "Too short" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("Too short", BoxText(refused, "form#reply"));
        Assert.Equal("Draft saved", refused.TextOf("form#reply .draft-status"));
        using var phone = await forum.SignedInAsync("aliced");
        Assert.Equal("Too short", BoxText(await phone.OpenAsync(UrlOf(topic)), "form#reply"));
    }

    [Fact]
    public async Task A_new_topic_draft_keeps_title_category_and_body_and_creating_the_topic_discards_it()
    {
        var (_, _, categoryId) = await SetUpAsync("e");
        using var alice = await forum.SignedInAsync("alicee");
        var form = await alice.OpenAsync("/new-topic");
        var refused = await alice.SubmitAsync(form, "form.composer", new Dictionary<string, string>
        {
            ["Input.Title"] = "Tool library", ["Input.CategoryId"] = categoryId.ToString(), ["Input.Raw"] = "A shared shelf of tools for member coops.",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);

        var again = await alice.OpenAsync("/new-topic");
        Assert.Equal("Tool library", again.Document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(categoryId.ToString(), again.Document.QuerySelector("#Input_CategoryId option[selected]")!.GetAttribute("value"));
        Assert.Equal("A shared shelf of tools for member coops.", BoxText(again));

        var created = await alice.SubmitAndFollowAsync(again, "form.composer", new Dictionary<string, string> { ["Input.Title"] = "A tool library for member coops" });
        Assert.Equal("A tool library for member coops", created.TextOf("h1.topic-title"));
        var afterwards = await alice.OpenAsync("/new-topic");
        Assert.Equal("", BoxText(afterwards));
        Assert.Equal("", afterwards.Document.QuerySelector("#Input_Title")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task An_edit_draft_comes_back_and_discarding_it_without_javascript_shows_the_post_as_it_is()
    {
        var (aliceId, topic, _) = await SetUpAsync("f");
        var reply = await forum.ReplyAsync(aliceId, topic.Id, "The hall is booked from ten o'clock.");
        using var alice = await forum.SignedInAsync("alicef");
        await SaveAsync(alice, new { draft_key = $"post_{reply.PostId}", raw = "The hall is booked from nine", sequence = 0 });

        var edit = await alice.OpenAsync($"/p/{reply.PostId}/edit");
        Assert.Equal("The hall is booked from nine", BoxText(edit));
        // A browser sends the pressed button's name and value; WebSession sends the form's fields only.
        var discarded = await alice.SubmitAsync(edit, "form.post-editor", new Dictionary<string, string> { ["draftKey"] = $"post_{reply.PostId}" },
            "button.draft-discard");

        Assert.Equal(HttpStatusCode.Redirect, discarded.Status);
        var fresh = await alice.OpenAsync(discarded.Location!);
        Assert.Equal("The hall is booked from ten o'clock.", BoxText(fresh));
        Assert.Equal("", fresh.TextOf(".draft-status"));
        Assert.NotNull(fresh.Document.QuerySelector("button.draft-discard[hidden]"));
    }

    [Fact]
    public async Task Saving_the_edit_discards_its_draft()
    {
        var (aliceId, topic, _) = await SetUpAsync("g");
        var reply = await forum.ReplyAsync(aliceId, topic.Id, "Bring your own mug to the assembly.");
        using var alice = await forum.SignedInAsync("aliceg");
        await SaveAsync(alice, new { draft_key = $"post_{reply.PostId}", raw = "Bring your own mug and plate to the assembly.", sequence = 0 });
        var edit = await alice.OpenAsync($"/p/{reply.PostId}/edit");

        var saved = await alice.SubmitAndFollowAsync(edit, "form.post-editor", new Dictionary<string, string>());

        Assert.Equal("Bring your own mug and plate to the assembly.", saved.TextOf("#post-2 .cooked"));
        Assert.Equal(JsonValueKind.Null, (await DraftAsync(alice, $"post_{reply.PostId}")).GetProperty("raw").ValueKind);
    }

    [Fact]
    public async Task Bad_draft_requests_get_a_4xx_with_a_reason()
    {
        var (_, topic, _) = await SetUpAsync("h");
        using var alice = await forum.SignedInAsync("aliceh");
        var csrf = await CsrfAsync(alice);

        var unknownKey = await SaveAsync(alice, new { draft_key = "user_1", raw = "Where does this go?", sequence = 0 }, csrf);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownKey.StatusCode);
        Assert.Contains("There is no draft of that kind.", await unknownKey.Content.ReadAsStringAsync());
        var oversize = await SaveAsync(alice, new { draft_key = $"topic_{topic.Id}", raw = new string('x', TopicRules.BodyMax + 1), sequence = 0 }, csrf);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, oversize.StatusCode);
        Assert.Contains("at most 32000 characters", await oversize.Content.ReadAsStringAsync());

        using var broken = new HttpRequestMessage(HttpMethod.Post, "/drafts.json") { Content = new StringContent("{\"draft_key\": ", Encoding.UTF8, "application/json") };
        broken.Headers.Add("X-CSRF-Token", csrf);
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.Client.SendAsync(broken)).StatusCode);
        using var notJson = new HttpRequestMessage(HttpMethod.Post, "/drafts.json") { Content = new StringContent("raw=hello", Encoding.UTF8, "text/plain") };
        notJson.Headers.Add("X-CSRF-Token", csrf);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await alice.Client.SendAsync(notJson)).StatusCode);
        var withoutToken = await alice.Client.PostAsJsonAsync("/drafts.json", new { draft_key = $"topic_{topic.Id}", raw = "No token", sequence = 0 });
        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await alice.Client.GetAsync("/drafts.json?key=topic_x")).StatusCode);
    }
}
