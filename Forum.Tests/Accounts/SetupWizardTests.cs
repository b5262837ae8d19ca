using System.Net;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Accounts;

/// <summary>A forum with no admin yet; nothing else in this class may create one.</summary>
public sealed class SetupWizardTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task Until_an_admin_exists_pages_lead_to_setup_which_creates_one_and_then_steps_aside()
    {
        using var founder = forum.Session();
        foreach (var path in new[] { "/", "/latest", "/signup" })
        {
            var page = await founder.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Equal("/setup", page.Location);
        }

        var setup = await founder.OpenAsync("/setup");
        var refused = await founder.SubmitAsync(setup, "form.account-form", new Dictionary<string, string>
        {
            ["Input.Username"] = "founder", ["Input.Email"] = "founder@example.org", ["Input.Password"] = "short",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Password must be 10 to 200 characters long.", refused.Errors);
        Assert.False(await forum.Get<IUserStore>().AnyAdminAsync(default));

        var created = await founder.SubmitAsync(setup, "form.account-form", new Dictionary<string, string>
        {
            ["Input.Username"] = "founder", ["Input.Email"] = "founder@example.org", ["Input.Password"] = "a-long-enough-password",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal("/", created.Location);

        var home = await founder.OpenAsync("/");
        Assert.Equal("Latest", home.TextOf("h1"));
        Assert.Equal("founder", home.TextOf(".current-user"));
        Assert.NotNull(home.Document.QuerySelector(".site-nav a[href='/admin']"));
        Assert.Equal(UserRole.Admin, (await forum.Get<IUserStore>().FindByUsernameAsync("founder", default))!.Role);

        var again = await founder.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal("/", again.Location);
        using var guest = forum.Session();
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync("/")).Status);
        Assert.Equal("/", (await guest.GetAsync("/setup")).Location);
    }
}
