using System.Globalization;
using Forum.Core.Topics;
using Microsoft.AspNetCore.SignalR;

namespace Forum.Web.Live;

/// <summary>
/// Picks who hears about a topic: its watchers and the list watchers for public topics; for a restricted
/// category only the users allowed at this moment, so nothing reaches someone who could not load it.
/// </summary>
public sealed class LiveAudience(IHubContext<TopicHub, ITopicClient> hub, ITopicStore topics)
{
    public async Task<(ITopicClient Readers, ITopicClient Lists, TopicAudience Audience)?> ForTopicAsync(long topicId, CancellationToken ct)
    {
        var audience = await topics.AudienceAsync(topicId, ct);
        if (audience is null) return null;
        if (!audience.IsRestricted)
            return (hub.Clients.Group(TopicHub.GroupFor(topicId)), hub.Clients.Group(TopicHub.ListsGroup), audience);
        var allowed = audience.AllowedUserIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var users = hub.Clients.Users(allowed);
        return (users, users, audience);
    }

    public ITopicClient User(long userId) => hub.Clients.User(userId.ToString(CultureInfo.InvariantCulture));
}
