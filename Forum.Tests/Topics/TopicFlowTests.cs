using System.Net;
using Forum.Core.Accounts;
using Forum.Core.Posts;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Topics;

public sealed class TopicFlowTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private async Task<long> CategoryAsync(string name)
    {
        await forum.SetUpAsync($"admin{Guid.NewGuid():N}"[..16]);
        return await forum.CategoryAsync(name + " " + Guid.NewGuid().ToString("N")[..6]);
    }

    [Fact]
    public async Task A_member_starts_a_topic_and_another_replies_through_the_pages()
    {
        var categoryId = await CategoryAsync("Leads");
        await forum.UserAsync("ana");
        await forum.UserAsync("bruno");

        using var ana = forum.Session();
        await ana.LogInAsync("ana");
        var form = await ana.OpenAsync($"/new-topic?category={categoryId}");
        var topic = await ana.SubmitAndFollowAsync(form, "form.composer", new Dictionary<string, string>
        {
            ["Input.Title"] = "Looking for a Rust team in Lisbon",
            ["Input.Raw"] = "We have a **six month** contract and need two more coops.",
        });
        Assert.Equal("Looking for a Rust team in Lisbon", topic.TextOf("h1.topic-title"));
        Assert.Contains("<strong>six month</strong>", topic.Document.QuerySelector("#post-1 .cooked")!.InnerHtml);

        using var bruno = forum.Session();
        await bruno.LogInAsync("bruno");
        var read = await bruno.OpenAsync(topic.Url);
        var replied = await bruno.SubmitAndFollowAsync(read, "form#reply", new Dictionary<string, string>
        {
            ["Input.Raw"] = "Count us in, we did a Rust project last year.",
        }, "button[formaction*=Reply]");
        Assert.Equal("bruno", replied.TextOf("#post-2 .post-author"));
        Assert.Contains("Count us in", replied.TextOf("#post-2 .cooked"));

        using var guest = forum.Session();
        var latest = await guest.OpenAsync("/latest");
        var row = latest.Document.QuerySelectorAll("tr.topic-list-item").Single(r => r.TextContent.Contains("Rust team in Lisbon"));
        Assert.Equal("1", row.QuerySelector(".replies")!.TextContent.Trim());
        Assert.Contains("bruno", row.QuerySelector(".activity")!.TextContent);
    }

    [Fact]
    public async Task A_too_short_topic_is_refused_and_the_form_keeps_what_was_typed()
    {
        var categoryId = await CategoryAsync("Debate");
        await forum.UserAsync("carla");
        using var carla = forum.Session();
        await carla.LogInAsync("carla");
        var form = await carla.OpenAsync($"/new-topic?category={categoryId}");
        var answer = await carla.SubmitAsync(form, "form.composer", new Dictionary<string, string>
        {
            ["Input.Title"] = "Too short",
            ["Input.Raw"] = "A body that is long enough to pass the rule.",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Title must be 15 to 255 characters long.", answer.Errors);
        Assert.Equal("Too short", ((AngleSharp.Html.Dom.IHtmlInputElement)answer.Document.QuerySelector("#Input_Title")!).Value);
        Assert.Equal("A body that is long enough to pass the rule.", ((AngleSharp.Html.Dom.IHtmlTextAreaElement)answer.Document.QuerySelector("#Input_Raw")!).Value);
    }

    [Fact]
    public async Task Fifty_parallel_replies_get_gap_free_unique_numbers()
    {
        var categoryId = await CategoryAsync("Concurrency");
        var author = await forum.UserAsync("dora");
        var topic = await forum.TopicAsync(author, categoryId, "Fifty people reply at once");
        var saved = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            forum.ReplyAsync(author, topic.Id, $"Parallel reply number {i} with enough text.")));
        Assert.Equal(Enumerable.Range(2, 50), saved.Select(s => s.PostNumber).Order());

        using var guest = forum.Session();
        var lastPage = await guest.OpenAsync($"/t/{topic.Slug}/{topic.Id}?page=3");
        Assert.Equal(["41", "42", "43", "44", "45", "46", "47", "48", "49", "50", "51"],
            lastPage.Document.QuerySelectorAll("article.post").Select(p => p.GetAttribute("data-post-number")!));
    }

    [Fact]
    public async Task A_wrong_slug_redirects_to_the_canonical_address_and_a_post_number_opens_its_page()
    {
        var categoryId = await CategoryAsync("Links");
        var author = await forum.UserAsync("eva");
        var topic = await forum.TopicAsync(author, categoryId, "Where do the links lead us");
        for (var i = 0; i < 24; i++) await forum.ReplyAsync(author, topic.Id, $"Reply {i} to make a second page appear.");

        using var guest = forum.Session();
        var wrong = await guest.GetAsync($"/t/not-the-slug/{topic.Id}");
        Assert.Equal(HttpStatusCode.MovedPermanently, wrong.Status);
        Assert.Equal($"/t/where-do-the-links-lead-us/{topic.Id}", wrong.Location);

        var jump = await guest.OpenAsync($"/t/{topic.Slug}/{topic.Id}/23");
        Assert.NotNull(jump.Document.QuerySelector("#post-23"));
        Assert.Null(jump.Document.QuerySelector("#post-1"));
        Assert.Contains("Page 2 of 2", jump.TextOf(".pagination"));

        var missing = await guest.GetAsync($"/t/{topic.Slug}/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("Page not found", missing.Text);
    }

    [Fact]
    public async Task Views_count_once_per_member_and_day()
    {
        var categoryId = await CategoryAsync("Views");
        var author = await forum.UserAsync("fabio");
        await forum.UserAsync("gina");
        var topic = await forum.TopicAsync(author, categoryId, "How many people read this");
        using var gina = forum.Session();
        await gina.LogInAsync("gina");
        await gina.OpenAsync($"/t/{topic.Slug}/{topic.Id}");
        var again = await gina.OpenAsync($"/t/{topic.Slug}/{topic.Id}");
        Assert.Contains("1 view ·", again.TextOf(".topic-stats"));
    }

    [Fact]
    public async Task An_empty_topic_form_is_refused_with_messages_not_an_error()
    {
        await CategoryAsync("Empty");
        await forum.UserAsync("hugo");
        using var hugo = forum.Session();
        await hugo.LogInAsync("hugo");
        var form = await hugo.OpenAsync("/new-topic");
        var answer = await hugo.SubmitAsync(form, "form.composer", new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Raw"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Title must be 15 to 255 characters long.", answer.Errors);
        Assert.Contains("Choose a category.", answer.Errors);
    }
}
