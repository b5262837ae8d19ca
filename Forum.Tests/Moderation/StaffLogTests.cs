using System.Net;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Moderation;

/// <summary>Category and role changes through the admin pages land in /admin/logs, which filters and pages by keyset.</summary>
public sealed class StaffLogTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task Category_and_role_changes_are_logged_and_the_log_filters_and_pages()
    {
        await forum.SetUpAsync("admin_log");
        var promoted = await forum.UserAsync("promoted_log");
        await forum.UserAsync("member_log");
        using var admin = await ModerationKit.SignedInAsync(forum, "admin_log");

        var categories = await admin.OpenAsync("/admin/categories");
        await admin.SubmitAndFollowAsync(categories, "form.category-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Logged category", ["Input.Slug"] = "logged-category", ["Input.Description"] = "Made to be logged.", ["Input.Color"] = "0088CC",
        });
        var users = await admin.OpenAsync("/admin/users");
        await admin.SubmitAndFollowAsync(users, $"#role-{promoted}", new Dictionary<string, string> { ["Input.Role"] = "Moderator" });

        var created = Assert.Single(await admin.LogAsync("category_created"));
        Assert.Contains("Logged category", created);
        var role = Assert.Single(await admin.LogAsync("role_changed", "promoted_log"));
        Assert.Contains("Member → Moderator", role);

        using var member = await ModerationKit.SignedInAsync(forum, "member_log");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/admin/logs")).Status);

        for (var i = 0; i < 55; i++)
            await forum.CategoryAsync($"Bulk category {i:00}");
        var first = await admin.OpenAsync("/admin/logs?action=category_created");
        Assert.Equal(50, first.Document.QuerySelectorAll("tr.log-entry").Length);
        var more = first.Document.QuerySelector("a.more")!.GetAttribute("href")!;
        var second = await admin.OpenAsync(more);
        Assert.Equal(6, second.Document.QuerySelectorAll("tr.log-entry").Length);
        Assert.Contains("Logged category", second.Text);
        Assert.Null(second.Document.QuerySelector("a.more"));
    }
}
