using Forum.Web.Jobs;

using Forum.Tests.Infrastructure;

namespace Forum.Tests.Digests;

public sealed class DigestNothingNewTests(MailForum forum) : IClassFixture<MailForum>
{
    [Fact]
    public async Task No_email_goes_out_when_the_window_holds_nothing_new_for_the_member()
    {
        await forum.SetUpAsync("quiet-admin");
        var general = await forum.CategoryAsync("General matters");
        var noisy = await forum.CategoryAsync("Noisy chatter");
        var nora = await forum.UserAsync("nora-quiet");
        var otto = await forum.UserAsync("otto-other");
        await forum.TopicAsync(nora, general, "My own question about payroll");
        var read = await forum.TopicAsync(otto, general, "Already read to the very end");
        await forum.ReplyAsync(otto, read.Id, "A reply that Nora has read as well, to the end.");
        var muted = await forum.TopicAsync(otto, general, "A topic Nora has muted");
        await forum.ReplyAsync(otto, muted.Id, "More on the topic that Nora does not follow.");
        var chatter = await forum.TopicAsync(otto, noisy, "Chatter in a muted category");
        await forum.ReplyAsync(otto, chatter.Id, "Still chatting in the category Nora muted.");
        await forum.ExecuteAsync("""
            INSERT INTO topic_users (user_id, topic_id, last_read_post_number, notification_level)
            VALUES (@nora, @read, 2, 1), (@nora, @muted, 0, 0);
            INSERT INTO category_users (user_id, category_id, notification_level) VALUES (@nora, @noisy, 0);
            """, new { nora, read = read.Id, muted = muted.Id, noisy });

        Assert.Equal(DigestDelivery.Skipped, await forum.SendDigestAsync(nora));

        Assert.Empty(forum.Smtp.MessagesTo(await forum.EmailOfAsync(nora)));
        var delivery = await forum.QueryOneAsync<(string State, string Reason)>(
            "SELECT state, reason FROM digest_deliveries WHERE user_id = @nora", new { nora });
        Assert.Equal(("skipped", "nothing new"), delivery);
        // The same window does hold news for someone else: Nora's own topic.
        Assert.Equal(DigestDelivery.Sent, await forum.SendDigestAsync(otto));
        Assert.Contains("My own question about payroll", (await forum.OnlyDigestToAsync(otto)).TextBody);
    }
}
