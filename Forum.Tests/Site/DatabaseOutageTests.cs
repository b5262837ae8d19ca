using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Site;

/// <summary>
/// While the database is unreachable, guests and members alike get 503 with Retry-After and a page that says
/// what is happening in their language; scripts get JSON; and the forum answers normally once it is back.
/// </summary>
public sealed class DatabaseOutageTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private static void AssertUnavailablePage(WebSession.Page page, string heading, string advice)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Equal(heading, page.TextOf(".error-page h1"));
        Assert.Equal(advice, page.TextOf(".error-page p"));
        Assert.NotNull(page.Document.QuerySelector("header.site-header a[href='/latest']"));
        Assert.DoesNotContain("Npgsql", page.Text);
        Assert.DoesNotContain(" at ", page.TextOf("main"));
    }

    private static void AssertRetryAfter(HttpResponseMessage response) =>
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);

    private const string Heading = "The forum is unavailable";
    private const string Advice = "The forum cannot reach its database right now. Try again in a minute.";

    [Fact]
    public async Task Guests_and_members_get_503_with_retry_after_and_a_friendly_page_until_the_database_is_back()
    {
        await forum.SetUpAsync("admin-outage");
        var categoryId = await forum.CategoryAsync("Outage checks");
        var memberId = await forum.UserAsync("olga-outage");
        await forum.UserAsync("omar-outage", locale: "es");
        var topic = await forum.TopicAsync(memberId, categoryId, "What happens while the database is down");
        using var guest = forum.Session();
        using var member = forum.Session();
        await member.LogInAsync("olga-outage");
        using var spanish = forum.Session();
        await spanish.LogInAsync("omar-outage");
        var topicUrl = $"/t/{topic.Slug}/{topic.Id}";

        await using (await DatabaseOutage.BeginAsync(forum))
        {
            foreach (var url in new[] { "/latest", topicUrl })
            {
                var response = await guest.Client.GetAsync(url);
                AssertRetryAfter(response);
                AssertUnavailablePage(await WebSession.Page.ReadAsync(response), Heading, Advice);
            }
            foreach (var url in new[] { "/latest", topicUrl, "/notifications" })
            {
                var response = await member.Client.GetAsync(url);
                AssertRetryAfter(response);
                var page = await WebSession.Page.ReadAsync(response);
                AssertUnavailablePage(page, Heading, Advice);
                Assert.Equal("olga-outage", page.TextOf(".site-user .current-user"));
            }
            var inSpanish = await spanish.Client.GetAsync("/latest");
            AssertRetryAfter(inSpanish);
            AssertUnavailablePage(await WebSession.Page.ReadAsync(inSpanish), "El foro no está disponible",
                "El foro no puede acceder a su base de datos en este momento. Inténtalo de nuevo en un minuto.");
        }

        Assert.Contains("What happens while the database is down", (await guest.OpenAsync("/latest")).Text);
        Assert.Equal("olga-outage", (await member.OpenAsync(topicUrl)).TextOf(".site-user .current-user"));
    }

    [Fact]
    public async Task A_script_posting_json_gets_503_with_errors_and_error_type_unavailable()
    {
        await forum.SetUpAsync("admin-outage-json");
        var categoryId = await forum.CategoryAsync("Outage json");
        var memberId = await forum.UserAsync("jorge-outage");
        var topic = await forum.TopicAsync(memberId, categoryId, "Replies by script while the database is down");
        using var member = forum.Session();
        await member.LogInAsync("jorge-outage");
        var token = (await member.Client.GetFromJsonAsync<JsonElement>("/session/csrf")).GetProperty("csrf").GetString()!;

        await using (await DatabaseOutage.BeginAsync(forum))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/posts.json") { Content = JsonContent.Create(new { topic_id = topic.Id, raw = "A reply sent during the outage." }) };
            request.Headers.Add("X-CSRF-Token", token);
            var response = await member.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            AssertRetryAfter(response);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("unavailable", body.GetProperty("error_type").GetString());
            Assert.Equal([Advice], body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        }

        using var retry = new HttpRequestMessage(HttpMethod.Post, "/posts.json") { Content = JsonContent.Create(new { topic_id = topic.Id, raw = "The same reply, sent again after the outage." }) };
        retry.Headers.Add("X-CSRF-Token", token);
        var accepted = await member.Client.SendAsync(retry);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(2, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("post_number").GetInt32());
    }
}
