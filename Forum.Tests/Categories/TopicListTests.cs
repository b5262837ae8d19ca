using System.Net;
using Dapper;
using Forum.Tests.Infrastructure;
using Npgsql;

namespace Forum.Tests.Categories;

public sealed class TopicListTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private static IReadOnlyList<string> TitlesOn(WebSession.Page page) => page.TextsOf("tr.topic-list-item .topic-title");

    private async Task<long> AuthorAsync(string name)
    {
        await forum.SetUpAsync($"{name}_admin");
        return await forum.UserAsync(name);
    }

    private async Task ExecuteAsync(string sql, object args)
    {
        await using var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await conn.ExecuteAsync(sql, args);
    }

    [Fact]
    public async Task A_reply_bumps_its_topic_to_the_top()
    {
        var author = await AuthorAsync("bumper");
        var category = await forum.CategoryAsync("Bumps");
        var oldest = await forum.TopicAsync(author, category, "The oldest of three topics");
        await forum.TopicAsync(author, category, "The middle of three topics");
        await forum.TopicAsync(author, category, "The newest of three topics");
        await forum.ReplyAsync(author, oldest.Id, "A reply brings this one back up.");

        using var guest = forum.Session();
        var list = await guest.OpenAsync($"/c/bumps/{category}");
        Assert.Equal(["The oldest of three topics", "The newest of three topics", "The middle of three topics"], TitlesOn(list));
        Assert.Equal("The oldest of three topics", TitlesOn(await guest.OpenAsync("/latest"))[0]);
    }

    [Fact]
    public async Task Pinned_topics_come_first_globally_on_latest_and_in_their_own_category()
    {
        var author = await AuthorAsync("pinner");
        var category = await forum.CategoryAsync("Pins");
        var global = await forum.TopicAsync(author, category, "Read this first, everyone");
        var local = await forum.TopicAsync(author, category, "Read this first, in this category");
        await forum.TopicAsync(author, category, "An ordinary newer topic here");
        await ExecuteAsync("UPDATE topics SET pinned_at = now(), pinned_globally = true WHERE id = @Id", new { global.Id });
        await ExecuteAsync("UPDATE topics SET pinned_at = now() - interval '1 minute' WHERE id = @Id", new { local.Id });

        using var guest = forum.Session();
        var latest = TitlesOn(await guest.OpenAsync("/latest"));
        Assert.Equal("Read this first, everyone", latest[0]);
        Assert.Single(latest, t => t == "Read this first, everyone");
        Assert.True(latest.ToList().IndexOf("An ordinary newer topic here") < latest.ToList().IndexOf("Read this first, in this category"));

        var inCategory = TitlesOn(await guest.OpenAsync($"/c/pins/{category}"));
        Assert.Equal(["Read this first, everyone", "Read this first, in this category", "An ordinary newer topic here"], inCategory);
    }

    [Fact]
    public async Task A_category_page_lists_only_its_own_and_its_subcategories_topics()
    {
        var author = await AuthorAsync("sorter");
        var parent = await forum.CategoryAsync("Hardware");
        var child = await forum.CategoryAsync("Keyboards", parentId: parent);
        var elsewhere = await forum.CategoryAsync("Gardening");
        await forum.TopicAsync(author, parent, "Which soldering iron to buy");
        await forum.TopicAsync(author, child, "Split keyboards for long days");
        await forum.TopicAsync(author, elsewhere, "Tomatoes on the balcony");

        using var guest = forum.Session();
        Assert.Equal(["Split keyboards for long days", "Which soldering iron to buy"], TitlesOn(await guest.OpenAsync($"/c/hardware/{parent}")));
        Assert.Equal(["Split keyboards for long days"], TitlesOn(await guest.OpenAsync($"/c/keyboards/{child}")));
        var gardening = await guest.OpenAsync($"/c/gardening/{elsewhere}");
        Assert.Equal(["Tomatoes on the balcony"], TitlesOn(gardening));
        Assert.Equal("Gardening", gardening.TextOf("h1"));
    }

    [Fact]
    public async Task A_category_page_pages_through_its_topics_with_a_more_link_that_stays_in_the_category()
    {
        var author = await AuthorAsync("pager");
        var category = await forum.CategoryAsync("Archive");
        var other = await forum.CategoryAsync("Elsewhere");
        for (var i = 1; i <= 32; i++) await forum.TopicAsync(author, category, $"Archived topic number {i:00}");
        await forum.TopicAsync(author, other, "A topic from another category");

        using var guest = forum.Session();
        var first = await guest.OpenAsync($"/c/archive/{category}");
        Assert.Equal(30, TitlesOn(first).Count);
        Assert.Equal("Archived topic number 32", TitlesOn(first)[0]);
        var more = first.Document.QuerySelector("a.more")!.GetAttribute("href")!;
        Assert.StartsWith($"/c/archive/{category}?before=", more);
        var second = await guest.OpenAsync(more);
        Assert.Equal(["Archived topic number 02", "Archived topic number 01"], TitlesOn(second));
    }

    [Fact]
    public async Task A_wrong_category_slug_redirects_to_the_canonical_address_and_an_unknown_id_is_not_found()
    {
        await AuthorAsync("linker");
        var category = await forum.CategoryAsync("Canonical");
        using var guest = forum.Session();

        var wrong = await guest.GetAsync($"/c/not-the-slug/{category}");
        Assert.Equal(HttpStatusCode.MovedPermanently, wrong.Status);
        Assert.Equal($"/c/canonical/{category}", wrong.Location);

        var missing = await guest.GetAsync("/c/canonical/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("Page not found", missing.Text);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("99999999999999999999-1")]
    [InlineData("123-")]
    [InlineData("-5")]
    public async Task An_invalid_before_value_shows_the_first_page(string before)
    {
        var author = await AuthorAsync($"cursor{before.Length}");
        var category = await forum.CategoryAsync($"Cursors {before.Length}");
        await forum.TopicAsync(author, category, $"The only topic in cursors {before.Length}");

        using var guest = forum.Session();
        var first = await guest.OpenAsync($"/c/cursors-{before.Length}/{category}");
        var page = await guest.OpenAsync($"/c/cursors-{before.Length}/{category}?before={Uri.EscapeDataString(before)}");
        Assert.Equal(TitlesOn(first), TitlesOn(page));
        Assert.Equal([$"The only topic in cursors {before.Length}"], TitlesOn(page));
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/latest?before={Uri.EscapeDataString(before)}")).Status);
    }
}
