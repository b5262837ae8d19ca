using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Core.Topics;
using Forum.Web.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace Forum.Web.Live;

/// <summary>
/// Browsers watch topics and lists here. Joining checks read permission exactly as the topic page does, and a
/// suspended member is refused whatever their cookie says; "is replying…" goes only to those who may read the
/// topic now. Everything else is a line or two.
/// </summary>
public sealed class TopicHub(ITopicStore topics, IUserStore users, PenaltyService penalties, LiveAudience live, LiveConnections connections, LiveSessions sessions)
    : Hub<ITopicClient>
{
    public const string Path = "/hubs/live";
    public const string ListsGroup = "lists";

    public static string GroupFor(long topicId) => $"topic-{topicId}";

    /// <summary>Joins the topic's channel and answers its highest post number, so a reconnecting client can fetch what it missed.</summary>
    public async Task<int> WatchTopic(long topicId)
    {
        var viewer = await ViewerAsync();
        var access = topicId > 0 ? await topics.FindAccessAsync(topicId, viewer, Context.ConnectionAborted) : null;
        if (access is null) throw new HubException("This topic does not exist or you cannot see it.");
        await JoinAsync(GroupFor(topicId), viewer);
        return access.HighestPostNumber;
    }

    public async Task UnwatchTopic(long topicId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(topicId));
        connections.Left(GroupFor(topicId), Context.ConnectionId);
    }

    public async Task WatchLists() => await JoinAsync(ListsGroup, await ViewerAsync());

    /// <summary>"alice is replying…": only signed-in members who may read the topic, to the others who may read it now.</summary>
    public async Task Composing(long topicId, bool isComposing)
    {
        var viewer = Context.User!.Viewer();
        if (!viewer.IsSignedIn || topicId <= 0) throw new HubException("Log in to reply.");
        viewer = await ViewerAsync();
        if (await topics.FindAccessAsync(topicId, viewer, Context.ConnectionAborted) is null
            || await live.ForComposingAsync(topicId, viewer.UserId!.Value, Context.ConnectionId, Context.ConnectionAborted) is not { } others)
            throw new HubException("This topic does not exist or you cannot see it.");
        var username = Context.User!.Username()!;
        if (isComposing)
        {
            ComposingIn.Add(topicId);
            await others.Composing(topicId, username);
        }
        else
        {
            ComposingIn.Remove(topicId);
            await others.StoppedComposing(topicId, username);
        }
    }

    public override Task OnConnectedAsync()
    {
        sessions.Opened(Context);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Forget(Context.ConnectionId);
        sessions.Closed(Context.ConnectionId);
        if (Context.User?.Username() is { } username && Context.User.Viewer().UserId is { } userId)
            foreach (var topicId in ComposingIn)
                if (await live.ForComposingAsync(topicId, userId, Context.ConnectionId, CancellationToken.None) is { } others)
                    await others.StoppedComposing(topicId, username);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// The caller as they stand now, not as the connection's cookie had it: a connection outlives the cookie's
    /// once-a-minute check, so a role taken away or a suspension counts from the next call.
    /// </summary>
    private async Task<Viewer> ViewerAsync()
    {
        if (Context.User!.Viewer().UserId is not { } id) return Viewer.Guest;
        var user = await users.FindByIdAsync(id, Context.ConnectionAborted) ?? throw new HubException("Log in again.");
        if (await penalties.LoginRefusalAsync(id, Context.ConnectionAborted) is not null)
        {
            // Out of every group it joined, so that pushes raised on other servers stop reaching it too.
            foreach (var group in connections.Forget(Context.ConnectionId)) await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            throw new HubException("Your account is suspended.");
        }
        return new Viewer(id, user.Role);
    }

    private async Task JoinAsync(string group, Viewer viewer)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        // Kept so pushes can leave this connection out if the member is suspended while it stays open.
        if (viewer.UserId is { } userId) connections.Joined(group, Context.ConnectionId, userId);
    }

    private HashSet<long> ComposingIn =>
        (HashSet<long>)(Context.Items.TryGetValue(nameof(ComposingIn), out var set) ? set! : Context.Items[nameof(ComposingIn)] = new HashSet<long>());
}
