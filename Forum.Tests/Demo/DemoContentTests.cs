using System.Globalization;
using Forum.Tests.Infrastructure;
using Forum.Web.Cli;
using Forum.Web.Demo;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forum.Tests.Demo;

public sealed class DemoContentTests(ForumApp forum) : IClassFixture<ForumApp>
{
    /// <summary>Sets the forum up and loads the demo through the CLI path; later calls find it loaded.</summary>
    private async Task LoadDemoAsync()
    {
        await forum.SetUpAsync($"admin{Guid.NewGuid():N}"[..16]);
        Assert.Equal(0, await CliCommands.RunAsync(["demo"], forum.Services));
    }

    [Fact]
    public async Task The_demo_fills_the_latest_page_with_categorised_discussions_that_have_replies()
    {
        await LoadDemoAsync();

        using var guest = forum.Session();
        var latest = await guest.OpenAsync("/latest");
        var rows = latest.Document.QuerySelectorAll("tr.topic-list-item");
        var titles = rows.Select(r => r.QuerySelector(".topic-title")!.TextContent.Trim()).ToList();
        Assert.Equal(DemoContent.Topics.Select(t => t.Title).Order(), titles.Order());
        // The freshest discussion comes first, as it would after weeks of use.
        Assert.Equal("What are you reading this month?", titles[0]);
        Assert.All(rows, r => Assert.True(int.Parse(r.QuerySelector(".replies")!.TextContent.Trim(), CultureInfo.InvariantCulture) >= 2));
        Assert.Contains(rows, r => int.Parse(r.QuerySelector(".views")!.TextContent.Trim(), CultureInfo.InvariantCulture) > 0);

        var categoryNames = rows.Select(r => r.QuerySelector(".category-badge")!.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(DemoContent.Categories.Select(c => c.Name).Order(), categoryNames.Order());

        var oldest = rows.Single(r => r.TextContent.Contains("Introduce yourself"));
        var lastActivity = DateTime.Parse(oldest.QuerySelector(".activity time")!.GetAttribute("datetime")!, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal);
        Assert.True(lastActivity < DateTime.UtcNow.AddDays(-10), $"Oldest thread was last active at {lastActivity:u}");
    }

    [Fact]
    public async Task A_Spanish_thread_reads_with_its_table_replies_and_authors()
    {
        await LoadDemoAsync();

        using var guest = forum.Session();
        var latest = await guest.OpenAsync("/latest");
        var link = latest.Document.QuerySelectorAll("a.topic-title").Single(a => a.TextContent.Contains("portal de trámites"));
        var topic = await guest.OpenAsync(link.GetAttribute("href")!);

        Assert.Equal("Oportunidad: portal de trámites para una alcaldía en Colombia", topic.TextOf("h1.topic-title"));
        Assert.Equal("Leads & projects / Oportunidades", topic.TextOf(".topic-header .category-badge"));
        Assert.Equal("diego.nodosur", topic.TextOf("#post-1 .post-author"));
        Assert.Equal("Nodo Sur Cooperativa", topic.TextOf("#post-1 .post-author-coop"));
        Assert.Contains("Nos llegó una licitación pública", topic.TextOf("#post-1 .cooked"));
        Assert.Equal(4, topic.Document.QuerySelectorAll("#post-1 .cooked ol li").Length);

        var table = topic.Document.QuerySelector("#post-5 .cooked table");
        Assert.NotNull(table);
        Assert.Contains("Accesibilidad y formación", table.TextContent);
        Assert.Contains("lucia.trama", topic.TextOf("#post-5 .in-reply-to"));
        Assert.Contains("👍", topic.TextOf("#post-6 .cooked"));
        Assert.Equal("3", topic.TextOf("#post-5 .like-count"));
    }

    [Fact]
    public async Task A_demo_member_logs_in_with_the_documented_password_and_sees_their_profile_details()
    {
        await LoadDemoAsync();

        using var carmen = forum.Session();
        await carmen.LogInAsync("carmen.teixo", "demo-password");
        var home = await carmen.OpenAsync("/");
        Assert.Equal("carmen.teixo", home.TextOf(".current-user"));

        var composer = await carmen.OpenAsync("/new-topic");
        var choices = composer.Document.QuerySelectorAll("#Input_CategoryId option").Select(o => o.TextContent.Trim().TrimStart('—', ' ')).ToList();
        Assert.All(DemoContent.Categories, c => Assert.Contains(c.Name, choices));
    }

    [Fact]
    public async Task Loading_the_demo_again_changes_nothing()
    {
        await LoadDemoAsync();
        using var guest = forum.Session();
        var before = await TopicRowsAsync(guest);

        var again = await forum.InScopeAsync(sp => sp.GetRequiredService<DemoLoader>().LoadAsync(default));
        Assert.True(again.WasAlreadyLoaded);
        Assert.Equal(0, await CliCommands.RunAsync(["demo"], forum.Services));

        Assert.Equal(before, await TopicRowsAsync(guest));
    }

    [Fact]
    public async Task Demo_likes_come_after_the_posts_they_like_and_never_from_the_future()
    {
        await LoadDemoAsync();
        const string sql = """
            SELECT count(*) AS likes,
                   count(*) FILTER (WHERE l.created_at <= p.created_at) AS before_their_post,
                   count(*) FILTER (WHERE l.created_at > now()) AS in_the_future,
                   count(DISTINCT date_trunc('day', l.created_at)) AS days
              FROM post_likes l JOIN posts p ON p.id = l.post_id;
            """;
        await using var conn = new NpgsqlConnection(forum.ConnectionString);
        var likes = await conn.QuerySingleAsync<(long Likes, long BeforeTheirPost, long InTheFuture, long Days)>(sql);
        Assert.True(likes.Likes > 10, $"The demo has only {likes.Likes} likes.");
        Assert.Equal(0, likes.BeforeTheirPost);
        Assert.Equal(0, likes.InTheFuture);
        Assert.True(likes.Days > 5, $"Demo likes fall on {likes.Days} days only, not spread with their posts.");
    }

    [Fact]
    public async Task The_staff_log_names_the_demo_loader_System_and_says_each_action_in_words()
    {
        var admin = $"admin{Guid.NewGuid():N}"[..16];
        await forum.SetUpAsync(admin);
        Assert.Equal(0, await CliCommands.RunAsync(["demo"], forum.Services));
        using var session = forum.Session();
        await session.LogInAsync(admin);

        var log = await session.OpenAsync("/admin/logs?action=category_created");
        var rows = log.Document.QuerySelectorAll("tr.log-entry");
        Assert.Equal(DemoContent.Categories.Length, rows.Length);
        Assert.All(rows, row => Assert.Equal("System", row.QuerySelector(".log-staff")!.TextContent.Trim()));
        Assert.All(rows, row => Assert.Equal("Created a category", row.QuerySelector(".log-action")!.TextContent.Trim()));
        Assert.DoesNotContain("#0", log.Document.QuerySelector("table.staff-log")!.TextContent);
        Assert.Equal("Agreed with a flag", log.Document.QuerySelector("select[name=action] option[value=flag_agreed]")!.TextContent.Trim());
    }

    /// <summary>Title, replies and views of each row; the relative times move on by themselves.</summary>
    private static async Task<List<string>> TopicRowsAsync(WebSession session) =>
        (await session.OpenAsync("/latest")).Document.QuerySelectorAll("tr.topic-list-item")
        .Select(r => $"{r.QuerySelector(".topic-title")!.TextContent.Trim()} | {r.QuerySelector(".replies")!.TextContent.Trim()} | {r.QuerySelector(".views")!.TextContent.Trim()}")
        .ToList();
}
