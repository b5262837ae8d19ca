using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Tests.Infrastructure;
using Forum.Tests.Notifications;
using Forum.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Digests;

/// <summary>A digest shows the forum as its reader may see it when it is sent: no unlisted topics, no hidden text.</summary>
public sealed class DigestVisibilityTests(MailForum forum) : IClassFixture<MailForum>
{
    [Fact]
    public async Task Unlisted_topics_and_the_text_of_a_flag_hidden_opening_post_stay_out_of_the_digest()
    {
        await forum.SetUpAsync("visibility-admin");
        var moderator = new Viewer(await forum.UserAsync("visibility-mod", UserRole.Moderator), UserRole.Moderator);
        var square = await forum.CategoryAsync("Visibility square");
        var reader = await forum.UserAsync("rita-reads");
        var flagger = await forum.UserAsync("fred-flags");
        var author = await forum.UserAsync("abe-posts");
        var listed = await forum.TopicAsync(author, square, "Bike repair evening on Thursday", "Bring your own inner tubes, we have tools.");
        var unlisted = await forum.TopicAsync(author, square, "Unlisted draft of the rent letter", "Dear landlord, about the increase.");
        var hidden = await forum.TopicAsync(author, square, "Offers for the old laptops", "Call 555-0199 for cheap pills today.");
        foreach (var topic in new[] { listed, unlisted, hidden })
            await forum.ReplyAsync(author, topic.Id, "A reply so the topic counts as active this week.");
        await forum.InScopeAsync(async sp =>
        {
            Assert.True((await sp.GetRequiredService<TopicStatusService>().SetListedAsync(moderator, unlisted.Id, false, default)).Value);
            var flags = sp.GetRequiredService<FlagService>();
            var opening = await forum.FirstPostIdAsync(hidden.Id);
            Assert.True((await flags.FlagAsync(new Viewer(flagger, UserRole.Member), opening, FlagReason.Spam, "", default)).Succeeded);
            return (await flags.DecideAsync(moderator, opening, FlagDecision.Agree, default)).Value;
        });

        Assert.Equal(DigestDelivery.Sent, await forum.SendDigestAsync(reader));

        var digest = await forum.OnlyDigestToAsync(reader);
        Assert.Contains("Bike repair evening on Thursday", digest.TextBody);
        Assert.Contains("Bring your own inner tubes", digest.TextBody);
        Assert.Contains("Offers for the old laptops", digest.TextBody);
        foreach (var absent in new[] { "Unlisted draft", "Dear landlord", "555-0199", "cheap pills" })
        {
            Assert.DoesNotContain(absent, digest.TextBody);
            Assert.DoesNotContain(absent, digest.HtmlBody);
        }
    }

    [Fact]
    public async Task A_member_suspended_after_their_digest_was_queued_gets_none()
    {
        await forum.SetUpAsync("vic-admin");
        var moderator = new Viewer(await forum.UserAsync("vic-mod", UserRole.Moderator), UserRole.Moderator);
        var square = await forum.CategoryAsync("Suspended digest square");
        var author = await forum.UserAsync("sue-posts");
        var suspended = await forum.UserAsync("vic-suspended");
        var topic = await forum.TopicAsync(author, square, "News that would fill a digest");
        await forum.ReplyAsync(author, topic.Id, "Plenty happened this week.");
        await forum.InScopeAsync(sp => sp.GetRequiredService<PenaltyService>().SetAsync(moderator, suspended, PenaltyKind.Suspend,
            DateTime.UtcNow.AddDays(2), "Harassment in private messages.", default));

        Assert.Equal(DigestDelivery.Skipped, await forum.SendDigestAsync(suspended));
        Assert.Empty(forum.Smtp.MessagesTo(await forum.EmailOfAsync(suspended)));
        Assert.Equal("member suspended", await forum.QueryOneAsync<string>(
            "SELECT reason FROM digest_deliveries WHERE user_id = @suspended", new { suspended }));
    }
}
