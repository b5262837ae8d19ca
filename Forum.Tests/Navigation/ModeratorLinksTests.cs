using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Navigation;

/// <summary>Moderators reach every tool by clicking: the staff log, a member's moderation page, the review queue with its count.</summary>
public sealed class ModeratorLinksTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task Staff_see_the_pending_count_on_review_the_staff_log_link_and_a_members_moderation_page_from_their_profile()
    {
        await forum.SetUpAsync("admin_links");
        await forum.UserAsync("mod_links", UserRole.Moderator);
        var author = await forum.UserAsync("links_author");
        var flagger = await forum.UserAsync("links_flagger");
        var category = await forum.CategoryAsync("Links");
        var topic = await forum.TopicAsync(author, category, "A topic with a reply to flag");
        var reply = await forum.ReplyAsync(author, topic.Id, "A reply that someone finds rude.");

        using var moderator = forum.Session();
        await moderator.LogInAsync("mod_links");
        var before = await moderator.OpenAsync("/latest");
        Assert.Equal("Review", before.TextOf(".site-nav .review-link"));
        Assert.Equal("/admin/logs", before.Document.QuerySelector(".site-nav a.staff-log-link")!.GetAttribute("href"));

        var flagged = await forum.InScopeAsync(sp => sp.GetRequiredService<FlagService>()
            .FlagAsync(new Viewer(flagger, UserRole.Member), reply.PostId, FlagReason.Inappropriate, "", default));
        Assert.True(flagged.Succeeded);
        var after = await moderator.OpenAsync("/latest");
        var review = after.Document.QuerySelector(".site-nav .review-link")!;
        Assert.Equal("Review (1)", review.TextContent.Trim());
        Assert.Equal("Review: 1 waiting", review.GetAttribute("aria-label"));

        var profile = await moderator.OpenAsync("/u/links_author");
        Assert.Equal("/u/links_author/moderate", profile.Document.QuerySelector("a.profile-moderate")!.GetAttribute("href"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await moderator.OpenAsync("/u/links_author/moderate")).Status);

        // Members see none of it.
        using var member = forum.Session();
        await member.LogInAsync("links_flagger");
        var memberPage = await member.OpenAsync("/u/links_author");
        Assert.Null(memberPage.Document.QuerySelector("a.profile-moderate"));
        Assert.Null(memberPage.Document.QuerySelector(".site-nav .review-link"));
        Assert.Null(memberPage.Document.QuerySelector(".site-nav a.staff-log-link"));
    }
}
