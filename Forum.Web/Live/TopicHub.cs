using Forum.Core.Topics;
using Forum.Web.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace Forum.Web.Live;

/// <summary>
/// Browsers watch topics and lists here. Joining checks read permission exactly as the topic page does;
/// everything else is a line or two.
/// </summary>
public sealed class TopicHub(ITopicStore topics, LiveSessions sessions) : Hub<ITopicClient>
{
    public const string Path = "/hubs/live";
    public const string ListsGroup = "lists";

    public static string GroupFor(long topicId) => $"topic-{topicId}";

    /// <summary>Joins the topic's channel and answers its highest post number, so a reconnecting client can fetch what it missed.</summary>
    public async Task<int> WatchTopic(long topicId)
    {
        var access = topicId > 0 ? await topics.FindAccessAsync(topicId, Context.User!.Viewer(), Context.ConnectionAborted) : null;
        if (access is null) throw new HubException("This topic does not exist or you cannot see it.");
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(topicId));
        return access.HighestPostNumber;
    }

    public Task UnwatchTopic(long topicId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(topicId));

    public Task WatchLists() => Groups.AddToGroupAsync(Context.ConnectionId, ListsGroup);

    /// <summary>"alice is replying…": only signed-in members who may read the topic, to the others watching it.</summary>
    public async Task Composing(long topicId, bool isComposing)
    {
        var viewer = Context.User!.Viewer();
        if (!viewer.IsSignedIn || topicId <= 0) throw new HubException("Log in to reply.");
        if (await topics.FindAccessAsync(topicId, viewer, Context.ConnectionAborted) is null)
            throw new HubException("This topic does not exist or you cannot see it.");
        var username = Context.User!.Username()!;
        var others = Clients.OthersInGroup(GroupFor(topicId));
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
        sessions.Closed(Context.ConnectionId);
        if (Context.User?.Username() is { } username)
            foreach (var topicId in ComposingIn)
                await Clients.OthersInGroup(GroupFor(topicId)).StoppedComposing(topicId, username);
        await base.OnDisconnectedAsync(exception);
    }

    private HashSet<long> ComposingIn =>
        (HashSet<long>)(Context.Items.TryGetValue(nameof(ComposingIn), out var set) ? set! : Context.Items[nameof(ComposingIn)] = new HashSet<long>());
}
