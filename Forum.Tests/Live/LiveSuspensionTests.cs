using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Tests.Infrastructure;
using Forum.Tests.Notifications;
using Forum.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Live;

/// <summary>A connection outlives the permission it was opened with: every push and every call asks again.</summary>
public sealed class LiveSuspensionTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private const string Marker = "NotificationCountChanged(-1)";

    /// <summary>Queued behind every push raised so far, so its arrival proves the others had their chance.</summary>
    private Task SendMarkerAsync(LiveClient client)
    {
        var connectionId = client.Connection.ConnectionId!;
        return forum.Get<LivePushQueue>().EnqueueAsync(sp =>
            sp.GetRequiredService<IHubContext<TopicHub, ITopicClient>>().Clients.Client(connectionId).NotificationCountChanged(-1), default).AsTask();
    }

    [Fact]
    public async Task A_suspended_member_s_open_connection_is_closed_at_once_and_they_watch_again_once_it_is_lifted()
    {
        await forum.SetUpAsync("suspension-admin");
        var moderator = new Viewer(await forum.UserAsync("suspension-mod", UserRole.Moderator), UserRole.Moderator);
        var categoryId = await forum.CategoryAsync("Suspension square");
        var authorId = await forum.UserAsync("ada-live");
        await forum.AgeAccountAsync(authorId);
        var samId = await forum.UserAsync("sam-live");
        var topic = await forum.TopicAsync(authorId, categoryId, "Who keeps the printer running?");
        await forum.ReplyAsync(samId, topic.Id, "I can look at it on Fridays.");
        await using var sam = await LiveClient.ConnectAsync(forum, "sam-live");
        await sam.Connection.InvokeAsync("WatchLists");
        await sam.Connection.InvokeAsync<int>("WatchTopic", topic.Id);

        await forum.InScopeAsync(sp => sp.GetRequiredService<PenaltyService>().SetAsync(moderator, samId, PenaltyKind.Suspend,
            DateTime.UtcNow.AddDays(1), "Spam in three categories.", default));
        await sam.ExpectClosedAsync();

        await forum.InScopeAsync(sp => sp.GetRequiredService<PenaltyService>().LiftAsync(moderator, samId, PenaltyKind.Suspend, default));
        await using var samAgain = await LiveClient.ConnectAsync(forum, "sam-live");
        Assert.Equal(2, await samAgain.Connection.InvokeAsync<int>("WatchTopic", topic.Id));
        await forum.ReplyAsync(authorId, topic.Id, "Welcome back to the printer rota.");
        await samAgain.ExpectAsync($"PostCreated({topic.Id},3)");
    }

    [Fact]
    public async Task A_like_in_a_private_topic_no_longer_reaches_an_author_removed_from_its_group()
    {
        var admin = new Viewer(await forum.SetUpAsync("like-admin"), UserRole.Admin);
        var authorId = await forum.UserAsync("lia-author");
        var likerId = await forum.UserAsync("leo-liker");
        var boardId = await forum.GroupAsync("like-board", false, "lia-author", "leo-liker");
        var boardRoom = await forum.CategoryAsync("Like board room", restricted: true, groupIds: [boardId]);
        var topic = await forum.TopicAsync(authorId, boardRoom, "Quarterly figures, board only");
        var first = await forum.FirstPostIdAsync(topic.Id);
        var reply = await forum.ReplyAsync(authorId, topic.Id, "A second post to like later.");
        await using var lia = await LiveClient.ConnectAsync(forum, "lia-author");

        await forum.LikeAsync(likerId, first);
        await lia.ExpectAsync($"PostLiked({topic.Id},1,leo-liker)");
        await forum.InScopeAsync(sp => sp.GetRequiredService<Core.Groups.GroupService>().RemoveMemberAsync(admin, boardId, authorId, default));
        await forum.LikeAsync(likerId, reply.PostId);
        await SendMarkerAsync(lia);
        Assert.DoesNotContain($"PostLiked({topic.Id},2,leo-liker)", await lia.ReceivedBeforeAsync(Marker));
    }
}
