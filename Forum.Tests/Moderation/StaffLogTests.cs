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

    [Fact]
    public async Task The_log_says_each_action_in_the_readers_language_never_as_its_code()
    {
        await forum.SetUpAsync("admin_words");
        await forum.UserAsync("admin_es", UserRole.Admin, locale: "es");
        var promoted = await forum.UserAsync("promoted_words");
        using var admin = await ModerationKit.SignedInAsync(forum, "admin_words");
        var users = await admin.OpenAsync("/admin/users");
        await admin.SubmitAndFollowAsync(users, $"#role-{promoted}", new Dictionary<string, string> { ["Input.Role"] = "Moderator" });

        var log = await admin.OpenAsync("/admin/logs?target=promoted_words");
        var row = log.Document.QuerySelector("tr.log-entry[data-action=role_changed]")!;
        Assert.Equal("Changed a member's role", row.QuerySelector(".log-action")!.TextContent.Trim());
        Assert.Equal("admin_words", row.QuerySelector(".log-staff")!.TextContent.Trim());
        var codes = log.Document.QuerySelectorAll("td.log-action, select[name=action] option")
            .Select(e => e.TextContent.Trim()).Where(text => System.Text.RegularExpressions.Regex.IsMatch(text, "^[a-z]+(_[a-z]+)+$")).ToList();
        Assert.Empty(codes);

        using var spanish = await ModerationKit.SignedInAsync(forum, "admin_es");
        var enEspañol = await spanish.OpenAsync("/admin/logs?target=promoted_words");
        Assert.Equal("Cambió el rol de un miembro", enEspañol.TextOf("tr.log-entry[data-action=role_changed] .log-action"));
        Assert.Equal("Aceptó una denuncia", enEspañol.TextOf("select[name=action] option[value=flag_agreed]"));
    }
}
