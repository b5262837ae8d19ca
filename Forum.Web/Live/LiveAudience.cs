using System.Globalization;
using Forum.Core.Moderation;
using Forum.Core.Topics;
using Microsoft.AspNetCore.SignalR;

namespace Forum.Web.Live;

/// <summary>Who hears a push about a topic: its readers, and the topic lists while the topic is listed (else null).</summary>
public sealed record TopicListeners(ITopicClient Readers, ITopicClient? Lists, TopicAudience Audience);

/// <summary>
/// Picks who hears about a topic, asked again at every push: its watchers and the list watchers for public topics,
/// less suspended members; for a restricted category (or a deleted topic) only the users allowed at this moment,
/// so nothing reaches someone who could not load it. With several servers each knows only its own connections:
/// a suspended member connected to another server is left out of restricted topics and personal pushes at once,
/// but hears public group pushes raised here until that connection closes or next calls the hub, which takes it out
/// of its groups.
/// </summary>
public sealed class LiveAudience(IHubContext<TopicHub, ITopicClient> hub, ITopicStore topics, IModerationStore moderation,
    LiveConnections connections, TimeProvider clock)
{
    public async Task<TopicListeners?> ForTopicAsync(long topicId, CancellationToken ct)
    {
        var readersGroup = TopicHub.GroupFor(topicId);
        var watchingTopic = connections.In(readersGroup);
        var watchingLists = connections.In(TopicHub.ListsGroup);
        var audience = await AudienceAsync(topicId, watchingTopic.Concat(watchingLists), ct);
        if (audience is null) return null;
        if (audience.IsRestricted)
        {
            var users = hub.Clients.Users(Ids(audience.AllowedUserIds));
            return new TopicListeners(users, audience.IsListed ? users : null, audience);
        }
        var readers = hub.Clients.GroupExcept(readersGroup, Suspended(watchingTopic, audience));
        var lists = audience.IsListed ? hub.Clients.GroupExcept(TopicHub.ListsGroup, Suspended(watchingLists, audience)) : null;
        return new TopicListeners(readers, lists, audience);
    }

    /// <summary>The others who may read the topic now, to hear that <paramref name="composerId"/> is replying; null when the topic is gone.</summary>
    public async Task<ITopicClient?> ForComposingAsync(long topicId, long composerId, string composerConnectionId, CancellationToken ct)
    {
        var group = TopicHub.GroupFor(topicId);
        var watching = connections.In(group);
        var audience = await AudienceAsync(topicId, watching, ct);
        if (audience is null) return null;
        if (audience.IsRestricted) return hub.Clients.Users(Ids(audience.AllowedUserIds.Where(id => id != composerId)));
        return hub.Clients.GroupExcept(group, [composerConnectionId, .. Suspended(watching, audience)]);
    }

    /// <summary>The member's personal channel, as one client; empty while they may not hear the topic (or are suspended).</summary>
    public async Task<ITopicClient?> UserAboutTopicAsync(long userId, long topicId, CancellationToken ct)
    {
        var audience = await topics.AudienceAsync(topicId, [userId], clock.GetUtcNow().UtcDateTime, ct);
        var mayHear = audience is not null && (audience.IsRestricted ? audience.AllowedUserIds.Contains(userId) : !audience.SuspendedWatcherIds.Contains(userId));
        return mayHear ? User(userId) : null;
    }

    /// <summary>Of <paramref name="userIds"/>, those not suspended now, for personal pushes.</summary>
    public async Task<IReadOnlyList<long>> ActiveAsync(IReadOnlyCollection<long> userIds, CancellationToken ct)
    {
        var suspended = (await moderation.SuspendedAmongAsync(userIds, clock.GetUtcNow().UtcDateTime, ct)).ToHashSet();
        return userIds.Where(id => !suspended.Contains(id)).ToList();
    }

    public ITopicClient User(long userId) => hub.Clients.User(userId.ToString(CultureInfo.InvariantCulture));

    private Task<TopicAudience?> AudienceAsync(long topicId, IEnumerable<(string ConnectionId, long UserId)> watching, CancellationToken ct) =>
        topics.AudienceAsync(topicId, watching.Select(w => w.UserId).Distinct().ToList(), clock.GetUtcNow().UtcDateTime, ct);

    private static List<string> Suspended(IReadOnlyList<(string ConnectionId, long UserId)> watching, TopicAudience audience) =>
        watching.Where(w => audience.SuspendedWatcherIds.Contains(w.UserId)).Select(w => w.ConnectionId).ToList();

    private static List<string> Ids(IEnumerable<long> ids) => ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
}
