using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Core.Notifications;
using Forum.Tests.Infrastructure;
using Forum.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Notifications;

/// <summary>A notification email is checked when it goes out, not when it was queued.</summary>
public sealed class NotificationEmailRecheckTests(MailForum forum) : IClassFixture<MailForum>
{
    [Fact]
    public async Task A_mention_in_a_topic_moved_out_of_reach_before_sending_is_left_out_for_good()
    {
        await forum.SetUpAsync("recheck-admin");
        var moderator = new Viewer(await forum.UserAsync("recheck-mod", UserRole.Moderator), UserRole.Moderator);
        var square = await forum.CategoryAsync("Recheck square");
        var boardId = await forum.GroupAsync("recheck-board", false);
        var boardRoom = await forum.CategoryAsync("Recheck board room", restricted: true, groupIds: [boardId]);
        var nia = await forum.UserAsync("nia-away");
        var author = await forum.UserAsync("otto-writes");
        await forum.AgeAccountAsync(author);
        var open = await forum.TopicAsync(author, square, "Garden rota for the summer");
        var moved = await forum.TopicAsync(author, square, "Salary review, soon confidential");
        await forum.ReplyAsync(author, open.Id, "@nia-away can you water on Tuesdays?");
        await forum.ReplyAsync(author, moved.Id, "@nia-away your figure is 41,500 for next year.");
        await forum.ExecuteAsync("UPDATE notifications SET created_at = created_at - interval '20 minutes' WHERE user_id = @nia", new { nia });
        var batchId = Assert.Single(await forum.InScopeAsync(sp => sp.GetRequiredService<EnqueueNotificationEmails>().RunAsync(default)));

        // Queued, then the topic moves where Nia may not follow, before the mail goes out.
        Assert.True((await forum.InScopeAsync(sp => sp.GetRequiredService<TopicModerationService>().MoveAsync(moderator, moved.Id, boardRoom, default))).Value);
        Assert.True(await forum.InScopeAsync(sp => sp.GetRequiredService<SendNotificationEmail>().RunAsync(batchId, default)));

        var message = Assert.Single(forum.Smtp.MessagesTo(await forum.EmailOfAsync(nia)));
        Assert.Contains("can you water on Tuesdays?", message.TextBody);
        foreach (var secret in new[] { "41,500", "Salary review" })
        {
            Assert.DoesNotContain(secret, message.Subject);
            Assert.DoesNotContain(secret, message.TextBody);
            Assert.DoesNotContain(secret, message.HtmlBody);
        }
        Assert.Equal(EmailSkipReasons.TopicNotReadable, await forum.QueryOneAsync<string>(
            "SELECT email_skip_reason FROM notifications WHERE user_id = @nia AND topic_id = @Id", new { nia, moved.Id }));

        // Moved back, the old notification is not mailed by surprise later: it was settled when its mail went out.
        Assert.True((await forum.InScopeAsync(sp => sp.GetRequiredService<TopicModerationService>().MoveAsync(moderator, moved.Id, square, default))).Value);
        Assert.Empty(await forum.InScopeAsync(sp => sp.GetRequiredService<EnqueueNotificationEmails>().RunAsync(default)));
        Assert.False(await forum.InScopeAsync(sp => sp.GetRequiredService<SendNotificationEmail>().RunAsync(batchId, default)));
        Assert.Single(forum.Smtp.MessagesTo(await forum.EmailOfAsync(nia)));
    }

    [Fact]
    public async Task A_batch_left_with_nothing_the_member_may_read_is_skipped_without_a_mail()
    {
        await forum.SetUpAsync("recheck-admin2");
        var moderator = new Viewer(await forum.UserAsync("recheck-mod2", UserRole.Moderator), UserRole.Moderator);
        var square = await forum.CategoryAsync("Recheck commons");
        var ivo = await forum.UserAsync("ivo-away");
        var author = await forum.UserAsync("uma-writes");
        var topic = await forum.TopicAsync(author, square, "A topic that will be deleted");
        await forum.ReplyAsync(author, topic.Id, "@ivo-away this thread is about to go.");
        await forum.ExecuteAsync("UPDATE notifications SET created_at = created_at - interval '20 minutes' WHERE user_id = @ivo", new { ivo });
        var batchId = Assert.Single(await forum.InScopeAsync(sp => sp.GetRequiredService<EnqueueNotificationEmails>().RunAsync(default)));

        Assert.True((await forum.InScopeAsync(sp => sp.GetRequiredService<TopicModerationService>().SetDeletedAsync(moderator, topic.Id, true, default))).Value);
        Assert.False(await forum.InScopeAsync(sp => sp.GetRequiredService<SendNotificationEmail>().RunAsync(batchId, default)));

        Assert.Empty(forum.Smtp.MessagesTo(await forum.EmailOfAsync(ivo)));
        Assert.Equal("skipped", await forum.QueryOneAsync<string>("SELECT state FROM notification_email_batches WHERE id = @batchId", new { batchId }));
        Assert.Equal(EmailSkipReasons.TopicDeleted, await forum.QueryOneAsync<string>(
            "SELECT email_skip_reason FROM notifications WHERE user_id = @ivo", new { ivo }));
    }
}
