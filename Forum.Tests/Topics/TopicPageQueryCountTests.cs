using System.Collections.Concurrent;
using System.Diagnostics;
using Forum.Tests.Infrastructure;
using Npgsql;

namespace Forum.Tests.Topics;

/// <summary>
/// A topic page costs the same number of database commands whatever its length: counted from Npgsql's own
/// tracing (its ActivitySource emits one activity per command or batch) for this class's database only, within
/// the page's request.
/// </summary>
public sealed class TopicPageQueryCountTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task A_topic_page_runs_a_fixed_number_of_queries_whatever_the_number_of_posts()
    {
        await forum.SetUpAsync();
        var categoryId = await forum.CategoryAsync("Query budget");
        var author = await forum.UserAsync("quentin");
        await forum.UserAsync("rosa");
        var shortTopic = await forum.TopicAsync(author, categoryId, "A short thread with one reply");
        await forum.ReplyAsync(author, shortTopic.Id, "Only reply in the short thread.");
        var longTopic = await forum.TopicAsync(author, categoryId, "A long thread with many replies");
        for (var i = 0; i < 45; i++) await forum.ReplyAsync(author, longTopic.Id, $"Reply {i} in the long thread, liked and quoted.");

        using var rosa = forum.Session();
        await rosa.LogInAsync("rosa");
        var database = new NpgsqlConnectionStringBuilder(forum.ConnectionString).Database!;

        var shortCount = await CountCommandsAsync(database, () => rosa.OpenAsync($"/t/{shortTopic.Slug}/{shortTopic.Id}"));
        var longCount = await CountCommandsAsync(database, () => rosa.OpenAsync($"/t/{longTopic.Slug}/{longTopic.Id}"));
        var longPage2Count = await CountCommandsAsync(database, () => rosa.OpenAsync($"/t/{longTopic.Slug}/{longTopic.Id}?page=2"));

        // The session check (one statement by primary key: the sign-in is still live, the member's claims and
        // suspension, "last seen"; it runs on every signed-in request so a logout or suspension ends a copied cookie
        // at once), the page (one batch: header + posts), the visit (one statement: view counter, read position,
        // levels), the member's reply draft for the box (one statement by primary key) and the layout's notification
        // menu (one batch: unread count + latest).
        Assert.Equal(5, shortCount.Commands);
        Assert.Equal(shortCount.Commands, longCount.Commands);
        Assert.Equal(shortCount.Commands, longPage2Count.Commands);
        Assert.Equal(2, shortCount.Posts);
        Assert.Equal(20, longCount.Posts);
    }

    [Fact]
    public async Task A_guest_rereading_a_topic_the_same_day_costs_one_query_and_counts_once()
    {
        await forum.SetUpAsync("admin-guest");
        var categoryId = await forum.CategoryAsync("Guest reading");
        var author = await forum.UserAsync("gustavo");
        var topic = await forum.TopicAsync(author, categoryId, "Read by guests many times a day");
        for (var i = 0; i < 30; i++) await forum.ReplyAsync(author, topic.Id, $"Reply {i} that guests read again and again.");
        using var guest = forum.Session();
        var database = new NpgsqlConnectionStringBuilder(forum.ConnectionString).Database!;

        var first = await CountCommandsAsync(database, () => guest.OpenAsync($"/t/{topic.Slug}/{topic.Id}"));
        var again = await CountCommandsAsync(database, () => guest.OpenAsync($"/t/{topic.Slug}/{topic.Id}"));
        var secondPage = await CountCommandsAsync(database, () => guest.OpenAsync($"/t/{topic.Slug}/{topic.Id}?page=2"));

        Assert.Equal(2, first.Commands);        // the page batch and the view counter
        Assert.Equal(1, again.Commands);        // counted already today: the page batch alone
        Assert.Equal(1, secondPage.Commands);
        Assert.Contains("1 view ·", (await guest.OpenAsync($"/t/{topic.Slug}/{topic.Id}")).TextOf(".topic-stats"));
    }

    internal static async Task<(int Commands, int Posts)> CountCommandsAsync(string database, Func<Task<WebSession.Page>> load)
    {
        var commands = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            // ASP.NET Core's own source too, so each request has an activity and its commands can be told apart from
            // work the forum does meanwhile on its own (live pushes from earlier replies, for instance).
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && IsInRequest(activity) && activity.TagObjects.Any(tag => tag.Value as string == database))
                    commands.Add(activity.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var page = await load();
        return (commands.Count, page.Document.QuerySelectorAll("article.post").Length);
    }

    private static bool IsInRequest(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
            if (parent.Source.Name == "Microsoft.AspNetCore") return true;
        return false;
    }
}
