using Forum.Tests.Infrastructure;

namespace Forum.Tests.Demo;

/// <summary>A forum of its own: the setup wizard only runs while no admin exists.</summary>
public sealed class SetupWithDemoTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task Ticking_the_sample_content_box_at_setup_opens_a_forum_full_of_discussions()
    {
        using var owner = forum.Session();
        var setup = await owner.OpenAsync("/");
        Assert.Equal("/setup", setup.Url);

        var home = await owner.SubmitAndFollowAsync(setup, "form.account-form", new Dictionary<string, string>
        {
            ["Input.Username"] = "founder",
            ["Input.Email"] = "founder@example.org",
            ["Input.Password"] = "a-long-enough-password",
            ["Input.LoadDemo"] = "true",
        });

        Assert.Equal("founder", home.TextOf(".current-user"));
        var titles = home.TextsOf("tr.topic-list-item .topic-title");
        Assert.Contains("Oportunidad: portal de trámites para una alcaldía en Colombia", titles);
        Assert.Contains("How do you split revenue on inter-coop projects?", titles);

        using var member = forum.Session();
        await member.LogInAsync("amara.baobab", "demo-password");
    }
}
