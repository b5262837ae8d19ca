using System.Net;
using Forum.Core.Accounts;
using Forum.Core.Groups;
using Forum.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Accounts;

public sealed class ProfileTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private async Task<long> SetUpAsync() => await forum.SetUpAsync("admin" + Guid.NewGuid().ToString("N")[..8]);

    private Task UpdateProfileAsync(long userId, string name, string bio, string organization, string location, string timeZone, string locale) =>
        forum.InScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<AccountService>().UpdateProfileAsync(
                new ProfileUpdate(userId, name, bio, organization, location, timeZone, locale), default);
            Assert.True(outcome.Succeeded);
            return outcome.Value;
        });

    [Fact]
    public async Task A_profile_shows_who_the_member_is_with_the_bio_as_plain_text()
    {
        await SetUpAsync();
        var sofia = await forum.UserAsync("sofia");
        const string bio = "<script>alert('hi')</script> I write **Elixir**.\nSecond line.";
        await UpdateProfileAsync(sofia, "Sofía Reyes", bio, "Colectivo Código", "Oaxaca", "America/Mexico_City", "es");

        using var guest = forum.Session();
        var profile = await guest.OpenAsync("/u/sofia");
        Assert.Equal("sofia", profile.TextOf(".profile-username"));
        Assert.Equal("Sofía Reyes", profile.TextOf(".profile-name"));
        Assert.Equal(bio, profile.TextOf(".profile-bio"));
        Assert.Null(profile.Document.QuerySelector(".profile-bio script, .profile-bio strong"));
        Assert.Equal("Colectivo Código", profile.TextOf(".profile-organization"));
        Assert.Equal("Oaxaca", profile.TextOf(".profile-location"));
        Assert.Equal("America/Mexico_City", profile.TextOf(".profile-time-zone"));
        Assert.Equal("Spanish", profile.TextOf(".profile-language"));
        Assert.Contains(DateTime.UtcNow.Year.ToString(), profile.TextOf(".profile-member-since"));
        Assert.Contains("Cooperative", profile.TextsOf(".profile-facts dt"));
        Assert.Null(profile.Document.QuerySelector(".profile-preferences"));
    }

    [Fact]
    public async Task Profiles_are_found_whatever_the_case_and_unknown_ones_are_404()
    {
        await SetUpAsync();
        await forum.UserAsync("Teo");
        using var guest = forum.Session();
        Assert.Equal("Teo", (await guest.OpenAsync("/u/TEO")).TextOf(".profile-username"));

        var missing = await guest.GetAsync("/u/nobody-at-all");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("Page not found", missing.Text);
    }

    [Fact]
    public async Task Recent_posts_leave_out_what_the_reader_may_not_read()
    {
        var adminId = await SetUpAsync();
        var author = await forum.UserAsync("ulises");
        await forum.UserAsync("insider");
        await forum.UserAsync("outsider");
        var groupId = await forum.InScopeAsync(async sp =>
        {
            var groups = sp.GetRequiredService<GroupService>();
            var admin = new Viewer(adminId, UserRole.Admin);
            var created = await groups.CreateAsync(admin, "board", default);
            Assert.True((await groups.AddMemberAsync(admin, created.Value, "ulises", default)).Succeeded);
            Assert.True((await groups.AddMemberAsync(admin, created.Value, "insider", default)).Succeeded);
            return created.Value;
        });
        var open = await forum.CategoryAsync("Open talk");
        var board = await forum.CategoryAsync("Board room", restricted: true, groupIds: [groupId]);
        await forum.TopicAsync(author, open, "Everyone may read this one");
        await forum.TopicAsync(author, board, "Only the board reads this one");

        using var guest = forum.Session();
        Assert.Equal(["Everyone may read this one"], (await guest.OpenAsync("/u/ulises")).TextsOf(".profile-post-topic"));

        using var outsider = forum.Session();
        await outsider.LogInAsync("outsider");
        Assert.Equal(["Everyone may read this one"], (await outsider.OpenAsync("/u/ulises")).TextsOf(".profile-post-topic"));

        using var insider = forum.Session();
        await insider.LogInAsync("insider");
        Assert.Equal(["Only the board reads this one", "Everyone may read this one"], (await insider.OpenAsync("/u/ulises")).TextsOf(".profile-post-topic"));
    }

    [Fact]
    public async Task A_member_without_posts_sees_an_empty_list_and_a_link_to_their_preferences()
    {
        await SetUpAsync();
        await forum.UserAsync("vera");
        using var vera = forum.Session();
        await vera.LogInAsync("vera");
        var profile = await vera.OpenAsync("/u/vera");
        Assert.Equal("No posts yet.", profile.TextOf(".profile-posts .empty"));
        Assert.Equal("/my/preferences", profile.Document.QuerySelector("a.profile-preferences")!.GetAttribute("href"));
    }
}
