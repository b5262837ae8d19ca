using System.Net;
using Dapper;
using Forum.Core.Posts;
using Forum.Tests.Infrastructure;
using Forum.Tests.Topics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forum.Tests.Navigation;

/// <summary>
/// /new, /unread and /top beside /latest: what each holds, for whom, and at what cost in queries. Each scenario is
/// its own class, so its lists hold exactly the topics it made.
/// </summary>
public abstract class TopicListScenario(ForumApp forum)
{
    protected ForumApp Forum => forum;

    protected async Task ExecuteAsync(string sql, object args)
    {
        await using var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await conn.ExecuteAsync(sql, args);
    }

    protected static List<string> TitlesOn(WebSession.Page page) => page.TextsOf("tr.topic-list-item a.topic-title").ToList();

    /// <summary>A private category readable by one group, with a fresh topic in it.</summary>
    protected async Task<(long CategoryId, long InsiderId)> PrivateCategoryAsync(string tag)
    {
        var insiderId = await forum.UserAsync($"insider_{tag}");
        await using var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var groupId = await conn.ExecuteScalarAsync<long>("INSERT INTO groups (name) VALUES (@Name) RETURNING id", new { Name = $"Board {tag}" });
        await conn.ExecuteAsync("INSERT INTO group_members (group_id, user_id) VALUES (@GroupId, @UserId)", new { GroupId = groupId, UserId = insiderId });
        return (await forum.CategoryAsync($"Board room {tag}", restricted: true, groupIds: [groupId]), insiderId);
    }

}

public sealed class NewAndUnreadListTests(ForumApp forum) : TopicListScenario(forum), IClassFixture<ForumApp>
{
    [Fact]
    public async Task New_lists_recent_topics_the_member_has_not_opened_and_unread_lists_tracked_topics_with_new_posts()
    {
        await Forum.SetUpAsync("admin_tabs");
        var author = await Forum.UserAsync("tabs_author");
        await Forum.UserAsync("tabs_reader");
        var category = await Forum.CategoryAsync("Tab lists");
        var (privateCategory, insider) = await PrivateCategoryAsync("tabs");
        var fresh = await Forum.TopicAsync(author, category, "A fresh topic nobody has opened yet");
        var opened = await Forum.TopicAsync(author, category, "A fresh topic the reader opens");
        var old = await Forum.TopicAsync(author, category, "An old topic from last month here");
        await ExecuteAsync("UPDATE topics SET created_at = now() - interval '30 days' WHERE id = @Id", new { old.Id });
        await Forum.TopicAsync(insider, privateCategory, "A private board topic never to leak");
        var tracked = await Forum.TopicAsync(author, category, "A topic the reader replied to once");

        using var reader = Forum.Session();
        await reader.LogInAsync("tabs_reader");
        await reader.OpenAsync($"/t/{opened.Slug}/{opened.Id}");
        var trackedPage = await reader.OpenAsync($"/t/{tracked.Slug}/{tracked.Id}");
        await reader.SubmitAndFollowAsync(trackedPage, "form#reply", new Dictionary<string, string> { ["Input.Raw"] = "I will follow this one closely." });
        await Forum.ReplyAsync(author, tracked.Id, "A reply the reader has not seen yet.");
        await Forum.ReplyAsync(author, opened.Id, "A reply in a topic the reader only opened.");

        var latest = await reader.OpenAsync("/latest");
        Assert.Equal("New (1)", latest.TextOf(".topic-list-tabs .tab-new"));
        Assert.Equal("Unread (1)", latest.TextOf(".topic-list-tabs .tab-unread"));

        var newList = await reader.OpenAsync("/new");
        Assert.Equal(HttpStatusCode.OK, newList.Status);
        Assert.Equal(["A fresh topic nobody has opened yet"], TitlesOn(newList));
        Assert.Equal("page", newList.Document.QuerySelector(".topic-list-tabs .tab-new")!.GetAttribute("aria-current"));

        // Opened only (normal level): not unread, as Discourse; replied to (tracking): unread, landing on the new post.
        var unread = await reader.OpenAsync("/unread");
        Assert.Equal(["A topic the reader replied to once"], TitlesOn(unread));
        Assert.Equal("1", unread.TextOf("tr.topic-list-item .unread-posts"));
        Assert.EndsWith($"/{tracked.Id}/3", unread.Document.QuerySelector("a.topic-title")!.GetAttribute("href"));

        // Reading the new post empties the tab.
        await reader.OpenAsync($"/t/{tracked.Slug}/{tracked.Id}/3");
        Assert.Empty(TitlesOn(await reader.OpenAsync("/unread")));
        Assert.Equal("Unread (0)", (await reader.OpenAsync("/latest")).TextOf(".topic-list-tabs .tab-unread"));

        // Staff may read the private category, so the topic is new for them; the reader never saw it.
        using var admin = Forum.Session();
        await admin.LogInAsync("admin_tabs");
        Assert.Contains("A private board topic never to leak", TitlesOn(await admin.OpenAsync("/new")));
        Assert.DoesNotContain("A private board topic never to leak", newList.Text);
    }

}

public sealed class GuestTopicListTests(ForumApp forum) : TopicListScenario(forum), IClassFixture<ForumApp>
{
    [Fact]
    public async Task Guests_are_sent_to_log_in_for_new_and_unread_and_see_top_without_tabs_counts()
    {
        await Forum.SetUpAsync("admin_guest_tabs");
        using var guest = Forum.Session();
        foreach (var list in new[] { "/new", "/unread" })
        {
            var answer = await guest.GetAsync(list);
            Assert.Equal(HttpStatusCode.Redirect, answer.Status);
            Assert.Contains("/login", answer.Location);
            Assert.Contains(Uri.EscapeDataString(list), answer.Location);
        }
        var top = await guest.OpenAsync("/top");
        Assert.Equal(HttpStatusCode.OK, top.Status);
        Assert.Null(top.Document.QuerySelector(".topic-list-tabs .tab-new"));
        Assert.Equal("page", top.Document.QuerySelector(".topic-list-tabs a[href='/top']")!.GetAttribute("aria-current"));

        var wrong = await guest.GetAsync("/top?period=fortnight");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("choose day, week, month, year or all", wrong.Text);
    }

}

public sealed class TopTopicsTests(ForumApp forum) : TopicListScenario(forum), IClassFixture<ForumApp>
{
    [Fact]
    public async Task Top_ranks_by_likes_replies_and_views_in_the_period_and_never_shows_private_topics()
    {
        await Forum.SetUpAsync("admin_top");
        var author = await Forum.UserAsync("top_author");
        var fan = await Forum.UserAsync("top_fan");
        var category = await Forum.CategoryAsync("Top ranks");
        var (privateCategory, insider) = await PrivateCategoryAsync("top");
        var quiet = await Forum.TopicAsync(author, category, "A quiet topic with one reply");
        await Forum.ReplyAsync(fan, quiet.Id, "One reply, nothing more to say.");
        var busy = await Forum.TopicAsync(author, category, "A busy topic with likes and replies");
        var second = await Forum.ReplyAsync(fan, busy.Id, "The first of two replies.");
        await Forum.ReplyAsync(fan, busy.Id, "The second of two replies.");
        await Forum.InScopeAsync(sp => sp.GetRequiredService<PostEditService>().LikeAsync(new Core.Accounts.Viewer(author, Core.Accounts.UserRole.Member), second.PostId, true, default));
        var bygone = await Forum.TopicAsync(author, category, "A topic busy only long ago");
        for (var i = 0; i < 4; i++) await Forum.ReplyAsync(fan, bygone.Id, $"An old reply number {i}.");
        await ExecuteAsync("UPDATE posts SET created_at = now() - interval '60 days' WHERE topic_id = @Id", new { bygone.Id });
        var secret = await Forum.TopicAsync(insider, privateCategory, "A private topic with the most activity");
        for (var i = 0; i < 6; i++) await Forum.ReplyAsync(insider, secret.Id, $"A private reply number {i}.");

        using var guest = Forum.Session();
        var week = TitlesOn(await guest.OpenAsync("/top?period=week"));
        Assert.Equal(["A busy topic with likes and replies", "A quiet topic with one reply"], week);
        Assert.Equal(week, TitlesOn(await guest.OpenAsync("/top/weekly")));
        var all = TitlesOn(await guest.OpenAsync("/top?period=all"));
        Assert.Equal("A topic busy only long ago", all[0]);
        Assert.DoesNotContain("A private topic with the most activity", all);

        using var insiderSession = Forum.Session();
        await insiderSession.LogInAsync("insider_top");
        Assert.Equal("A private topic with the most activity", TitlesOn(await insiderSession.OpenAsync("/top?period=day"))[0]);
    }

}

public sealed class TopicListQueryCountTests(ForumApp forum) : TopicListScenario(forum), IClassFixture<ForumApp>
{
    [Fact]
    public async Task Each_list_runs_a_fixed_number_of_queries_whatever_the_number_of_topics()
    {
        await Forum.SetUpAsync("admin_budget");
        var author = await Forum.UserAsync("budget_author");
        await Forum.UserAsync("budget_reader");
        var category = await Forum.CategoryAsync("Query budget lists");
        using var reader = Forum.Session();
        await reader.LogInAsync("budget_reader");
        var database = new NpgsqlConnectionStringBuilder(Forum.ConnectionString).Database!;
        var lists = new[] { "/latest", "/new", "/unread", "/top?period=all" };

        var few = new Dictionary<string, int>();
        await Forum.TopicAsync(author, category, "The only topic for a while");
        // Once each first: a member's first request of a while also stamps their visit and session, which is not the list's cost.
        foreach (var list in lists) await reader.OpenAsync(list);
        foreach (var list in lists) few[list] = await CountCommandsAsync(database, () => reader.OpenAsync(list));
        for (var i = 0; i < 12; i++)
        {
            var topic = await Forum.TopicAsync(author, category, $"Another topic for the budget {i}");
            await Forum.ReplyAsync(author, topic.Id, "A reply so that top has something to rank.");
        }
        foreach (var list in lists)
        {
            var many = await CountCommandsAsync(database, () => reader.OpenAsync(list));
            Assert.Equal(few[list], many);
        }
        // Session check, visit stamp, the list (plus the pinned topics on /latest), the tab counts, the notification menu.
        Assert.Equal(6, few["/latest"]);
        Assert.Equal(5, few["/new"]);
        Assert.Equal(5, few["/top?period=all"]);
    }

    private static async Task<int> CountCommandsAsync(string database, Func<Task<WebSession.Page>> load)
    {
        WebSession.Page? page = null;
        var (commands, _) = await TopicPageQueryCountTests.CountCommandsAsync(database, async () => page = await load());
        Assert.Equal(HttpStatusCode.OK, page!.Status);
        return commands;
    }
}
