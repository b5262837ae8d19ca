using Forum.Tests.Infrastructure;

namespace Forum.Tests.Categories;

/// <summary>Alone in its class, so /latest holds exactly the topics made here.</summary>
public sealed class LatestPagingTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task The_more_link_leads_from_the_30_newest_topics_to_the_rest_without_gaps_or_repeats()
    {
        await forum.SetUpAsync("paging_admin");
        var author = await forum.UserAsync("prolific");
        var category = await forum.CategoryAsync("Everything");
        var created = new List<long>();
        for (var i = 1; i <= 35; i++) created.Add((await forum.TopicAsync(author, category, $"Numbered topic number {i:00}")).Id);
        var newestFirst = created.AsEnumerable().Reverse().Select(id => id.ToString()).ToList();

        using var guest = forum.Session();
        foreach (var start in new[] { "/", "/latest" })
        {
            var first = await guest.OpenAsync(start);
            var firstIds = first.Document.QuerySelectorAll("tr.topic-list-item").Select(r => r.GetAttribute("data-topic-id")!).ToList();
            Assert.Equal(newestFirst.Take(30), firstIds);

            var more = first.Document.QuerySelector("a.more")!.GetAttribute("href")!;
            var second = await guest.OpenAsync(more);
            var secondIds = second.Document.QuerySelectorAll("tr.topic-list-item").Select(r => r.GetAttribute("data-topic-id")!).ToList();
            Assert.Equal(newestFirst.Skip(30), secondIds);
            Assert.Null(second.Document.QuerySelector("a.more"));
        }
    }
}
