using System.Net;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;
using Forum.Web.Cli;

namespace Forum.Tests.Accounts;

/// <summary>`dotnet run --project Forum.Web -- admin create …`, run against the test forum's services.</summary>
public sealed class AdminCliTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task Admin_create_makes_an_admin_who_can_log_in()
    {
        var exitCode = await CliCommands.RunAsync(
            ["admin", "create", "--username", "root", "--email", "root@example.org", "--password", "a-long-password"], forum.Services);

        Assert.Equal(0, exitCode);
        var root = await forum.Get<IUserStore>().FindByUsernameAsync("root", default);
        Assert.NotNull(root);
        Assert.Equal(UserRole.Admin, root.Role);
        Assert.Equal("root@example.org", root.Email);

        using var session = forum.Session();
        await session.LogInAsync("root", "a-long-password");
        var admin = await session.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.Equal("root", admin.TextOf(".current-user"));
    }

    [Theory]
    [InlineData("admin", "create", "--username", "half", "--email", "half@example.org")]
    [InlineData("admin", "create")]
    [InlineData("admin")]
    public async Task Missing_arguments_print_usage_and_exit_with_2(params string[] args)
    {
        Assert.Equal(2, await CliCommands.RunAsync(args, forum.Services));
        Assert.Null(await forum.Get<IUserStore>().FindByUsernameAsync("half", default));
    }

    [Fact]
    public async Task A_refused_admin_exits_with_1()
    {
        var exitCode = await CliCommands.RunAsync(
            ["admin", "create", "--username", "tiny", "--email", "tiny@example.org", "--password", "short"], forum.Services);
        Assert.Equal(1, exitCode);
        Assert.Null(await forum.Get<IUserStore>().FindByUsernameAsync("tiny", default));
    }
}
