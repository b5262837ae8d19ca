using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Forum.Tests.Moderation.ModerationKit;

namespace Forum.Tests.Moderation;

/// <summary>A closed topic refuses members' replies by form and by JSON, with the reason; staff may still reply.</summary>
public sealed class ClosedTopicReplyTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private async Task<(long ModId, Forum.Core.Topics.CreatedTopic Topic)> ClosedTopicAsync(string suffix)
    {
        await forum.SetUpAsync($"admin_{suffix}");
        var categoryId = await forum.CategoryAsync($"Closed things {suffix}");
        var author = await forum.UserAsync($"author_{suffix}");
        await forum.UserAsync($"member_{suffix}");
        var modId = await forum.UserAsync($"mod_{suffix}", UserRole.Moderator);
        var topic = await forum.TopicAsync(author, categoryId, $"A thread that got closed {suffix}");
        return (modId, topic);
    }

    private Task CloseAsync(long modId, long topicId) => forum.InScopeAsync(async sp =>
    {
        var outcome = await sp.GetRequiredService<TopicStatusService>().SetClosedAsync(new Viewer(modId, UserRole.Moderator), topicId, true, default);
        Assert.True(outcome.Value);
        return true;
    });

    [Fact]
    public async Task A_members_reply_by_form_is_refused_with_403_and_the_reason_and_a_moderator_may_still_reply()
    {
        var (modId, topic) = await ClosedTopicAsync("form");
        using var member = await forum.SignedInAsync("member_form");
        var open = await member.OpenAsync(UrlOf(topic));
        await CloseAsync(modId, topic.Id);

        var refused = await member.SubmitAsync(open, "form#reply", new Dictionary<string, string> { ["Input.Raw"] = "Sneaking a reply in after closing." });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("This topic is closed.", refused.Errors);
        Assert.Contains("This topic is closed", refused.TextOf(".topic-closed-notice"));
        Assert.Equal("Sneaking a reply in after closing.", refused.Document.QuerySelector("textarea[name='Input.Raw']")!.TextContent);
        Assert.Null(refused.Document.QuerySelector("#post-2"));

        using var moderator = await forum.SignedInAsync("mod_form");
        var modPage = await moderator.OpenAsync(UrlOf(topic));
        Assert.False(modPage.Document.QuerySelector(".composer-wrap")!.HasAttribute("hidden"));
        var replied = await moderator.SubmitAndFollowAsync(modPage, "form#reply", new Dictionary<string, string> { ["Input.Raw"] = "Closed because the question is answered." });
        Assert.Equal("Closed because the question is answered.", replied.TextOf("#post-2 .cooked"));
    }

    [Fact]
    public async Task A_members_reply_by_json_is_refused_with_403_and_the_errors_and_open_topics_accept_it()
    {
        var (modId, topic) = await ClosedTopicAsync("json");
        using var member = await forum.SignedInAsync("member_json");
        var csrf = await member.Client.GetFromJsonAsync<JsonElement>("/session/csrf");
        var token = csrf.GetProperty("csrf").GetString()!;

        var withoutToken = await member.Client.PostAsJsonAsync("/posts.json", new { topic_id = topic.Id, raw = "A reply without the CSRF header." });
        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);

        using var accepted = new HttpRequestMessage(HttpMethod.Post, "/posts.json") { Content = JsonContent.Create(new { topic_id = topic.Id, raw = "A reply by script, while open." }) };
        accepted.Headers.Add("X-CSRF-Token", token);
        var created = await member.Client.SendAsync(accepted);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var post = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, post.GetProperty("post_number").GetInt32());
        Assert.Equal(topic.Id, post.GetProperty("topic_id").GetInt64());

        await CloseAsync(modId, topic.Id);
        using var refusedRequest = new HttpRequestMessage(HttpMethod.Post, "/posts.json") { Content = JsonContent.Create(new { topic_id = topic.Id, raw = "A reply by script, after closing." }) };
        refusedRequest.Headers.Add("X-CSRF-Token", token);
        var refused = await member.Client.SendAsync(refusedRequest);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["This topic is closed."], body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));

        var page = await member.OpenAsync(UrlOf(topic));
        Assert.Null(page.Document.QuerySelector("#post-3"));
    }

    [Fact]
    public async Task On_a_closed_topic_staff_see_reply_and_quote_on_each_post_and_members_see_neither()
    {
        var (modId, topic) = await ClosedTopicAsync("links");
        await CloseAsync(modId, topic.Id);

        using var moderator = await forum.SignedInAsync("mod_links");
        var modPage = await moderator.OpenAsync(UrlOf(topic));
        Assert.NotNull(modPage.Document.QuerySelector("#post-1 .reply-to-post"));
        Assert.NotNull(modPage.Document.QuerySelector("#post-1 .quote-post"));
        var quoted = await moderator.OpenAsync(UrlOf(topic) + "?quote=1");
        Assert.Contains("The opening post says enough", quoted.Document.QuerySelector("#reply textarea")!.TextContent);

        using var member = await forum.SignedInAsync("member_links");
        var memberPage = await member.OpenAsync(UrlOf(topic));
        Assert.Null(memberPage.Document.QuerySelector("#post-1 .reply-to-post"));
        Assert.Null(memberPage.Document.QuerySelector("#post-1 .quote-post"));
        Assert.True(memberPage.Document.QuerySelector(".composer-wrap")!.HasAttribute("hidden"));
        var memberQuote = await member.OpenAsync(UrlOf(topic) + "?quote=1");
        Assert.DoesNotContain("The opening post says enough", memberQuote.Document.QuerySelector("#reply textarea")!.TextContent);
    }

    [Fact]
    public async Task A_refused_json_reply_names_its_error_type()
    {
        var (modId, topic) = await ClosedTopicAsync("type");
        await CloseAsync(modId, topic.Id);
        using var member = await forum.SignedInAsync("member_type");
        var token = (await member.Client.GetFromJsonAsync<JsonElement>("/session/csrf")).GetProperty("csrf").GetString()!;

        async Task<JsonElement> PostAsync(object body, HttpStatusCode expected)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/posts.json") { Content = JsonContent.Create(body) };
            request.Headers.Add("X-CSRF-Token", token);
            var answer = await member.Client.SendAsync(request);
            Assert.Equal(expected, answer.StatusCode);
            return await answer.Content.ReadFromJsonAsync<JsonElement>();
        }

        var closed = await PostAsync(new { topic_id = topic.Id, raw = "A reply by script, after closing." }, HttpStatusCode.Forbidden);
        Assert.Equal("invalid_access", closed.GetProperty("error_type").GetString());
        var missing = await PostAsync(new { topic_id = 987654321, raw = "A reply to a topic that is not there." }, HttpStatusCode.NotFound);
        Assert.Equal("not_found", missing.GetProperty("error_type").GetString());
        var tooShort = await PostAsync(new { topic_id = topic.Id, raw = "short" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("invalid_parameters", tooShort.GetProperty("error_type").GetString());
    }
}
