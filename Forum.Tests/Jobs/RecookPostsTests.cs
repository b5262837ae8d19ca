using Dapper;
using Forum.Core.Markdown;
using Forum.Tests.Infrastructure;
using Forum.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forum.Tests.Jobs;

public sealed class RecookPostsTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task Posts_cooked_by_an_older_renderer_are_re_cooked_and_the_page_shows_the_new_html()
    {
        await forum.SetUpAsync();
        var categoryId = await forum.CategoryAsync("Renderer upgrades");
        var authorId = await forum.UserAsync("rena");
        var topic = await forum.TopicAsync(authorId, categoryId, "Emoji arrived in the renderer", "We did it :tada: and **celebrated** together.");
        var db = forum.Get<NpgsqlDataSource>();
        await using (var conn = await db.OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE posts SET cooked = '<p>old renderer output</p>', cooked_version = 0 WHERE topic_id = @Id", new { topic.Id });

        using var guest = forum.Session();
        Assert.Contains("old renderer output", (await guest.OpenAsync($"/t/{topic.Slug}/{topic.Id}")).TextOf("#post-1 .cooked"));

        var recooked = await forum.InScopeAsync(sp => sp.GetRequiredService<RecookPosts>().RunAsync(default));
        Assert.Equal(1, recooked);
        var page = await guest.OpenAsync($"/t/{topic.Slug}/{topic.Id}");
        Assert.Contains("<strong>celebrated</strong>", page.Document.QuerySelector("#post-1 .cooked")!.InnerHtml);
        Assert.Contains("🎉", page.TextOf("#post-1 .cooked"));
        await using (var conn = await db.OpenConnectionAsync())
            Assert.Equal(PostCooker.CookerVersion, await conn.ExecuteScalarAsync<int>("SELECT cooked_version FROM posts WHERE topic_id = @Id", new { topic.Id }));
        Assert.Equal(0, await forum.InScopeAsync(sp => sp.GetRequiredService<RecookPosts>().RunAsync(default)));
    }

    [Fact]
    public async Task The_job_dashboard_is_for_admins_only()
    {
        await forum.SetUpAsync("jobs-admin");
        await forum.UserAsync("jobs-member");
        using var member = forum.Session();
        await member.LogInAsync("jobs-member");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await member.GetAsync("/hangfire")).Status);
        using var admin = forum.Session();
        await admin.LogInAsync("jobs-admin");
        var dashboard = await admin.GetAsync("/hangfire");
        Assert.Equal(System.Net.HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("Hangfire", dashboard.Text);
    }
}
