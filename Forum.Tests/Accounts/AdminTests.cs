using System.Net;
using AngleSharp.Html.Dom;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Accounts;

public sealed class AdminTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private async Task<(long Id, WebSession Session)> AdminAsync()
    {
        var name = Unique("boss");
        var id = await forum.SetUpAsync(name);
        var session = forum.Session();
        await session.LogInAsync(name);
        return (id, session);
    }

    private static string SelectedRole(WebSession.Page page, long userId) =>
        ((IHtmlSelectElement)page.Document.QuerySelector($"form#role-{userId} select")!).Value!;

    private static Task<WebSession.Page> SetRoleAsync(WebSession session, WebSession.Page page, long userId, string role) =>
        session.SubmitAsync(page, $"form#role-{userId}", new Dictionary<string, string> { ["Input.Role"] = role });

    private async Task<UserRole> RoleOfAsync(string username) =>
        (await forum.Get<IUserStore>().FindByUsernameAsync(username, default))!.Role;

    [Fact]
    public async Task The_dashboard_links_to_users_groups_categories_and_mail()
    {
        var (_, admin) = await AdminAsync();
        using var _ = admin;
        var home = await admin.OpenAsync("/");
        var dashboard = await admin.OpenAsync(home.Document.QuerySelector(".site-nav a[href='/admin']")!.GetAttribute("href")!);
        var links = dashboard.Document.QuerySelectorAll(".admin-dashboard a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/admin/users", "/admin/groups", "/admin/categories", "/admin/logs", "/admin/mail"], links);
    }

    [Fact]
    public async Task An_admin_makes_a_member_a_moderator_and_back()
    {
        var (_, admin) = await AdminAsync();
        using var _ = admin;
        var sara = await forum.UserAsync("sara");

        var users = await admin.OpenAsync("/admin/users");
        Assert.Equal("Member", SelectedRole(users, sara));
        var promoted = await SetRoleAsync(admin, users, sara, "Moderator");
        Assert.Equal(HttpStatusCode.Redirect, promoted.Status);
        Assert.Equal(UserRole.Moderator, await RoleOfAsync("sara"));
        users = await admin.OpenAsync("/admin/users");
        Assert.Equal("Moderator", SelectedRole(users, sara));

        Assert.Equal(HttpStatusCode.Redirect, (await SetRoleAsync(admin, users, sara, "Member")).Status);
        Assert.Equal(UserRole.Member, await RoleOfAsync("sara"));
    }

    [Fact]
    public async Task An_unknown_role_is_refused()
    {
        var (_, admin) = await AdminAsync();
        using var _ = admin;
        var tomas = await forum.UserAsync("tomas");
        var users = await admin.OpenAsync("/admin/users");
        foreach (var role in new[] { "Overlord", "2" })
        {
            var answer = await SetRoleAsync(admin, users, tomas, role);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
            Assert.Contains("Unknown role.", answer.Errors);
        }
        Assert.Equal(UserRole.Member, await RoleOfAsync("tomas"));
    }

    [Fact]
    public async Task An_admin_cannot_demote_themself()
    {
        var (adminId, admin) = await AdminAsync();
        using var _ = admin;
        var users = await admin.OpenAsync("/admin/users");
        var answer = await SetRoleAsync(admin, users, adminId, "Member");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Contains("You cannot remove your own admin role.", answer.Errors);
        Assert.Equal("Admin", SelectedRole(answer, adminId));
        Assert.Equal(UserRole.Admin, (await forum.Get<IUserStore>().FindByIdAsync(adminId, default))!.Role);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task Members_get_403_and_guests_are_sent_to_log_in()
    {
        await forum.SetUpAsync(Unique("boss"));
        var ursula = await forum.UserAsync("ursula");
        using var member = forum.Session();
        await member.LogInAsync("ursula");
        using var guest = forum.Session();

        foreach (var path in new[] { "/admin", "/admin/users", "/admin/groups" })
        {
            var refused = await member.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Contains("Not allowed", refused.TextOf("h1"));

            var sent = await guest.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, sent.Status);
            Assert.Equal("/login?ReturnUrl=" + Uri.EscapeDataString(path), new Uri(new Uri("http://localhost"), sent.Location).PathAndQuery);
        }
        Assert.Empty((await member.OpenAsync("/")).Document.QuerySelectorAll(".site-nav a[href='/admin']"));

        // Posting straight to the form's address does not help either.
        var post = await member.Client.PostAsync("/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserId"] = ursula.ToString(), ["Input.Role"] = "Admin",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(UserRole.Member, await RoleOfAsync("ursula"));
    }

    [Fact]
    public async Task An_admin_creates_a_group_and_names_are_checked()
    {
        var (_, admin) = await AdminAsync();
        using var _ = admin;
        var page = await admin.OpenAsync("/admin/groups");
        var created = await admin.SubmitAndFollowAsync(page, "form.group-create", new Dictionary<string, string> { ["Create.Name"] = "coop-devs" });
        Assert.NotNull(created.Document.QuerySelector("section.admin-group[data-group-name='coop-devs']"));

        foreach (var (name, message) in new[]
                 {
                     ("Coop-Devs", "A group with that name already exists."),
                     ("x", "Group name must be 2 to 50 characters long."),
                     (new string('g', 51), "Group name must be 2 to 50 characters long."),
                     ("two words", "Group name may contain only letters, digits, underscore and dash."),
                 })
        {
            var refused = await admin.SubmitAsync(created, "form.group-create", new Dictionary<string, string> { ["Create.Name"] = name });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
            Assert.Contains(message, refused.Errors);
            Assert.Equal(name, ((IHtmlInputElement)refused.Document.QuerySelector("#Create_Name")!).Value);
        }
        var list = await admin.OpenAsync("/admin/groups");
        Assert.Single(list.Document.QuerySelectorAll("section.admin-group[data-group-name]"), s => s.GetAttribute("data-group-name")!.Equals("coop-devs", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_admin_adds_and_removes_group_members_by_username()
    {
        var (_, admin) = await AdminAsync();
        using var _ = admin;
        await forum.UserAsync("valeria");
        var page = await admin.OpenAsync("/admin/groups");
        page = await admin.SubmitAndFollowAsync(page, "form.group-create", new Dictionary<string, string> { ["Create.Name"] = "translators" });
        var group = "section.admin-group[data-group-name='translators']";

        page = await admin.SubmitAndFollowAsync(page, $"{group} form.add-member", new Dictionary<string, string> { ["Member.Username"] = "Valeria" });
        Assert.Equal(["valeria"], page.Document.QuerySelectorAll($"{group} li.group-member").Select(li => li.GetAttribute("data-username")!));

        var twice = await admin.SubmitAsync(page, $"{group} form.add-member", new Dictionary<string, string> { ["Member.Username"] = "valeria" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.Status);
        Assert.Contains("valeria is already in this group.", twice.Errors);

        var unknown = await admin.SubmitAsync(page, $"{group} form.add-member", new Dictionary<string, string> { ["Member.Username"] = "nobody-here" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.Status);
        Assert.Contains("Nobody is called nobody-here.", unknown.Errors);
        Assert.Equal("nobody-here", ((IHtmlInputElement)unknown.Document.QuerySelector($"{group} form.add-member input[name='Member.Username']")!).Value);

        page = await admin.SubmitAndFollowAsync(page, $"{group} li.group-member[data-username='valeria'] form.remove-member", new Dictionary<string, string>());
        Assert.Empty(page.Document.QuerySelectorAll($"{group} li.group-member"));
    }
}
