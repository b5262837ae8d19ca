using System.Net;
using AngleSharp.Html.Dom;
using Dapper;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;
using Npgsql;

namespace Forum.Tests.Categories;

public sealed class PrivateCategoryTests(ForumApp forum) : IClassFixture<ForumApp>
{
    /// <summary>A private category readable by one group, a public one, and a topic in each.</summary>
    private sealed record Scene(
        long PrivateCategoryId, string PrivateCategoryName, string PrivateTopicTitle, string PrivateTopicUrl, long PrivateTopicId,
        long PublicParentId, string PrivateSubTopicTitle, string PublicTopicUrl, string Insider);

    private async Task<Scene> SceneAsync(string tag)
    {
        await forum.SetUpAsync($"admin_{tag}");
        var insider = $"insider_{tag}";
        var insiderId = await forum.UserAsync(insider);
        var db = forum.Get<NpgsqlDataSource>();
        await using var conn = await db.OpenConnectionAsync();
        var groupId = await conn.ExecuteScalarAsync<long>("INSERT INTO groups (name) VALUES (@Name) RETURNING id", new { Name = $"Treasurers {tag}" });
        await conn.ExecuteAsync("INSERT INTO group_members (group_id, user_id) VALUES (@GroupId, @UserId)", new { GroupId = groupId, UserId = insiderId });

        var privateName = $"Treasury {tag}";
        var privateCategory = await forum.CategoryAsync(privateName, restricted: true, groupIds: [groupId]);
        var privateTopic = await forum.TopicAsync(insiderId, privateCategory, $"Budget for the assembly {tag}");

        // A private subcategory under a public parent: the parent's list must not leak it either.
        var publicParent = await forum.CategoryAsync($"Projects {tag}");
        var privateSub = await forum.CategoryAsync($"Contracts {tag}", restricted: true, groupIds: [groupId], parentId: publicParent);
        var subTopic = await forum.TopicAsync(insiderId, privateSub, $"Signed contract terms {tag}");

        var publicTopic = await forum.TopicAsync(insiderId, publicParent, $"Open call for volunteers {tag}");
        return new Scene(privateCategory, privateName, $"Budget for the assembly {tag}", $"/t/{privateTopic.Slug}/{privateTopic.Id}", privateTopic.Id,
            publicParent, $"Signed contract terms {tag}", $"/t/{publicTopic.Slug}/{publicTopic.Id}", insider);
    }

    private async Task AssertHiddenFromAsync(WebSession session, Scene scene)
    {
        var latest = await session.OpenAsync("/latest");
        Assert.DoesNotContain(scene.PrivateTopicTitle, latest.Text);
        Assert.DoesNotContain(scene.PrivateSubTopicTitle, latest.Text);
        var categories = await session.OpenAsync("/categories");
        Assert.DoesNotContain(scene.PrivateCategoryName, categories.Text);
        var parent = await session.OpenAsync($"/c/projects/{scene.PublicParentId}");
        Assert.Contains("Open call for volunteers", parent.Text);
        Assert.DoesNotContain(scene.PrivateSubTopicTitle, parent.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/c/treasury/{scene.PrivateCategoryId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(scene.PrivateTopicUrl)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/t/{scene.PrivateTopicId}")).Status);
    }

    private async Task AssertVisibleToAsync(WebSession session, Scene scene)
    {
        var latest = await session.OpenAsync("/latest");
        Assert.Contains(scene.PrivateTopicTitle, latest.Text);
        Assert.Contains(scene.PrivateSubTopicTitle, latest.Text);
        var categories = await session.OpenAsync("/categories");
        var row = categories.Document.QuerySelector($"tr[data-category-id='{scene.PrivateCategoryId}']");
        Assert.NotNull(row);
        Assert.NotNull(row.QuerySelector(".private-mark"));
        var category = await session.OpenAsync($"/c/treasury/{scene.PrivateCategoryId}");
        Assert.Contains(scene.PrivateTopicTitle, category.Text);
        var parent = await session.OpenAsync($"/c/projects/{scene.PublicParentId}");
        Assert.Contains(scene.PrivateSubTopicTitle, parent.Text);
        var topic = await session.OpenAsync(scene.PrivateTopicUrl);
        Assert.Equal(scene.PrivateTopicTitle, topic.TextOf("h1.topic-title"));
    }

    private async Task<int> PostsCountAsync(long topicId)
    {
        await using var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>("SELECT posts_count FROM topics WHERE id = @Id", new { Id = topicId });
    }

    [Fact]
    public async Task Guests_and_members_outside_the_groups_cannot_see_or_reply_to_private_topics()
    {
        var scene = await SceneAsync("hid");
        using var guest = forum.Session();
        await AssertHiddenFromAsync(guest, scene);

        await forum.UserAsync("outsider_hid");
        using var outsider = forum.Session();
        await outsider.LogInAsync("outsider_hid");
        await AssertHiddenFromAsync(outsider, scene);

        // The reply form of a topic they can read, aimed at the private one.
        var open = await outsider.OpenAsync(scene.PublicTopicUrl);
        var button = (IHtmlButtonElement)open.Document.QuerySelector("form#reply button[formaction*=Reply]")!;
        button.SetAttribute("formaction", scene.PrivateTopicUrl + "?handler=Reply");
        var answer = await outsider.SubmitAsync(open, "form#reply", new Dictionary<string, string>
        {
            ["Input.Raw"] = "Sneaking a reply into a category I cannot read.",
        }, "button[formaction*=Reply]");
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(1, await PostsCountAsync(scene.PrivateTopicId));
    }

    [Fact]
    public async Task A_member_of_an_allowed_group_sees_private_topics_everywhere_and_can_reply()
    {
        var scene = await SceneAsync("in");
        using var insider = forum.Session();
        await insider.LogInAsync(scene.Insider);
        await AssertVisibleToAsync(insider, scene);

        var topic = await insider.OpenAsync(scene.PrivateTopicUrl);
        var replied = await insider.SubmitAndFollowAsync(topic, "form#reply", new Dictionary<string, string>
        {
            ["Input.Raw"] = "The budget looks right to me.",
        }, "button[formaction*=Reply]");
        Assert.Contains("The budget looks right", replied.TextOf("#post-2 .cooked"));
    }

    [Fact]
    public async Task Moderators_and_admins_see_private_topics()
    {
        var scene = await SceneAsync("staff");
        await forum.UserAsync("moderator_staff", UserRole.Moderator);
        using var moderator = forum.Session();
        await moderator.LogInAsync("moderator_staff");
        await AssertVisibleToAsync(moderator, scene);

        using var admin = forum.Session();
        await admin.LogInAsync("admin_staff");
        await AssertVisibleToAsync(admin, scene);
    }
}
