using Forum.Tests.Infrastructure;
using Forum.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Notifications;

/// <summary>Members away from the site get their mentions, quotes and replies by email, a burst in one message.</summary>
public sealed class NotificationEmailTests(MailForum forum) : IClassFixture<MailForum>
{
    private Task<IReadOnlyList<long>> EnqueueAsync() =>
        forum.InScopeAsync(sp => sp.GetRequiredService<EnqueueNotificationEmails>().RunAsync(default));

    private Task<bool> SendAsync(long batchId) =>
        forum.InScopeAsync(sp => sp.GetRequiredService<SendNotificationEmail>().RunAsync(batchId, default));

    /// <summary>As if the notifications were written a while ago, so the burst has settled.</summary>
    private Task AgeNotificationsAsync(long userId) =>
        forum.ExecuteAsync("UPDATE notifications SET created_at = created_at - interval '20 minutes' WHERE user_id = @userId", new { userId });

    [Fact]
    public async Task A_burst_of_mentions_and_replies_to_someone_away_becomes_exactly_one_email()
    {
        await forum.SetUpAsync("mail-admin");
        var categoryId = await forum.CategoryAsync("Away from keyboard");
        var awa = await forum.UserAsync("awa");
        var bob = await forum.UserAsync("bobmail");
        var topic = await forum.TopicAsync(awa, categoryId, "Who maintains the shared mail server?");
        await forum.ReplyAsync(bob, topic.Id, "I can, but @awa knows the backup setup better.");
        await forum.ReplyAsync(bob, topic.Id, "Answering the opening post directly as well.", replyTo: 1);
        await forum.ReplyAsync(bob, topic.Id, "And one more thing for @awa: the DNS records.");

        Assert.Empty(await EnqueueAsync());   // the burst has not settled yet
        await AgeNotificationsAsync(awa);
        var batches = await EnqueueAsync();
        var batchId = Assert.Single(batches);
        Assert.Empty(await EnqueueAsync());   // nothing is claimed twice

        Assert.True(await SendAsync(batchId));
        Assert.False(await SendAsync(batchId));   // a retry after success sends nothing
        var message = Assert.Single(forum.Smtp.MessagesTo(await forum.EmailOfAsync(awa)));
        Assert.Contains("Who maintains the shared mail server?", message.Subject);
        Assert.Equal($"activity.{batchId}@forum.example.org", message.MessageId);
        var text = message.TextBody;
        Assert.Contains("bobmail mentioned you in Who maintains the shared mail server?", text);
        Assert.Contains("bobmail replied to you in Who maintains the shared mail server?", text);
        Assert.Contains("knows the backup setup better", text);
        Assert.Contains($"{MailForum.BaseUrl}/t/{topic.Slug}/{topic.Id}/2", text);
        Assert.Contains($"{MailForum.BaseUrl}/t/{topic.Slug}/{topic.Id}/4", message.HtmlBody);
    }

    [Fact]
    public async Task No_email_for_someone_who_is_on_the_site_or_who_turned_it_off_and_it_speaks_their_language()
    {
        await forum.SetUpAsync("mail-admin2");
        var categoryId = await forum.CategoryAsync("Present and quiet");
        var present = await forum.UserAsync("present");
        var quiet = await forum.UserAsync("quiet");
        var lola = await forum.UserAsync("lola", locale: "es");
        var author = await forum.UserAsync("author-mail");
        var topic = await forum.TopicAsync(author, categoryId, "Three people, three preferences");
        // One mention a reply: a day-old account notifies at most two people per post.
        foreach (var name in new[] { "present", "quiet", "lola" })
            await forum.ReplyAsync(author, topic.Id, $"Ping @{name} about the assembly agenda.");
        await forum.ExecuteAsync("""
            UPDATE users SET last_seen_at = now() WHERE id = @present;
            UPDATE users SET email_when_away = false WHERE id = @quiet;
            UPDATE notifications SET created_at = created_at - interval '20 minutes' WHERE user_id IN (@present, @quiet, @lola);
            """, new { present, quiet, lola });

        foreach (var batchId in await EnqueueAsync()) await SendAsync(batchId);

        Assert.Empty(forum.Smtp.MessagesTo(await forum.EmailOfAsync(present)));
        Assert.Empty(forum.Smtp.MessagesTo(await forum.EmailOfAsync(quiet)));
        var spanish = Assert.Single(forum.Smtp.MessagesTo(await forum.EmailOfAsync(lola)));
        Assert.Contains("author-mail te mencionó en Three people, three preferences", spanish.TextBody);
    }
}
