using System.Globalization;
using Forum.Tests.Infrastructure;
using Forum.Web.Cli;
using Forum.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Title, replies and views of each row; the relative times move on by themselves.</summary>
    private static async Task<List<string>> TopicRowsAsync(WebSession session) =>
        (await session.OpenAsync("/latest")).Document.QuerySelectorAll("tr.topic-list-item")
        .Select(r => $"{r.QuerySelector(".topic-title")!.TextContent.Trim()} | {r.QuerySelector(".replies")!.TextContent.Trim()} | {r.QuerySelector(".views")!.TextContent.Trim()}")
        .ToList();
}
