using Forum.Core.Accounts;
using Forum.Core.Categories;
using Forum.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Categories;

public sealed class CategoriesPageTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private static readonly Viewer Admin = new(0, UserRole.Admin);

    private Task<long> CategoryAsync(string name, int position, long? parentId = null, string color = "0088CC") =>
        forum.InScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<CategoryService>().CreateAsync(Admin,
                new CategoryInput(name, "", $"All about {name.ToLowerInvariant()}.", color, position, parentId, false, []), default);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.Message)));
            return outcome.Value;
        });

    [Fact]
    public async Task Top_level_categories_are_listed_by_position_with_their_subcategories_under_them()
    {
        await forum.SetUpAsync("layout_admin");
        var tools = await CategoryAsync("Tools", position: 20, color: "AA3300");
        var meetups = await CategoryAsync("Meetups", position: 10);
        var rust = await CategoryAsync("Rust", position: 1, parentId: tools);
        var lisbon = await CategoryAsync("Lisbon", position: 5, parentId: meetups);

        using var guest = forum.Session();
        var page = await guest.OpenAsync("/categories");

        string[] expected = [meetups.ToString(), lisbon.ToString(), tools.ToString(), rust.ToString()];
        var rows = page.Document.QuerySelectorAll("tr.category-row").Select(r => r.GetAttribute("data-category-id")).Where(expected.Contains);
        Assert.Equal(expected, rows);
        var toolsRow = page.Document.QuerySelector($"tr[data-category-id='{tools}']")!;
        Assert.Equal($"/c/tools/{tools}", toolsRow.QuerySelector("a.category-name")!.GetAttribute("href"));
        Assert.Equal("All about tools.", toolsRow.QuerySelector(".category-description")!.TextContent);
        Assert.Contains("AA3300", toolsRow.QuerySelector(".category-swatch")!.GetAttribute("data-category-color"));
        Assert.Null(toolsRow.QuerySelector(".private-mark"));
        Assert.Contains("subcategory", page.Document.QuerySelector($"tr[data-category-id='{rust}']")!.ClassName);
        Assert.DoesNotContain("subcategory", toolsRow.ClassName);
    }

    [Fact]
    public async Task Starting_a_topic_and_replying_update_the_counts_and_latest_activity()
    {
        await forum.SetUpAsync("counts_admin");
        var author = await forum.UserAsync("counter");
        var category = await CategoryAsync("Bookkeeping", position: 30);
        using var guest = forum.Session();

        var before = await guest.OpenAsync("/categories");
        Assert.Equal("0", before.TextOf($"tr[data-category-id='{category}'] .topics"));
        Assert.Equal("No activity yet", before.TextOf($"tr[data-category-id='{category}'] .latest"));

        var topic = await forum.TopicAsync(author, category, "Which ledger do you use");
        await forum.ReplyAsync(author, topic.Id, "We use a plain text ledger and like it.");
        await forum.ReplyAsync(author, topic.Id, "Another reply to count as a post.");

        var after = await guest.OpenAsync("/categories");
        Assert.Equal("1", after.TextOf($"tr[data-category-id='{category}'] .topics"));
        Assert.Equal("3", after.TextOf($"tr[data-category-id='{category}'] .posts"));
        Assert.Equal("just now", after.TextOf($"tr[data-category-id='{category}'] .latest time"));
    }
}
