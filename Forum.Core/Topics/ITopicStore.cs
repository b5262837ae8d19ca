using Forum.Core.Accounts;

namespace Forum.Core.Topics;

public interface ITopicStore
{
    /// <summary>Topic, first post, its first revision and the category's counters, in one transaction.</summary>
    Task<CreatedTopic> CreateAsync(NewTopic topic, CancellationToken ct);

    Task<TopicList> ListAsync(TopicListQuery query, CancellationToken ct);

    /// <summary>How many topics the member's New and Unread lists hold (the same rules as <see cref="ListAsync"/>), in one query.</summary>
    Task<TopicListCounts> CountsAsync(Viewer viewer, DateTime newSince, CancellationToken ct);

    /// <summary>Topics by their activity score in the period (Discourse's /top, simplified: see the README).</summary>
    Task<TopTopicList> TopAsync(TopTopicsQuery query, CancellationToken ct);

    /// <summary>
    /// The first post created at or after <paramref name="at"/> (the last post when none is), for the date jump;
    /// null when the viewer may not read the topic.
    /// </summary>
    Task<TopicSpot?> FirstPostFromAsync(long topicId, Viewer viewer, DateTime at, CancellationToken ct);

    /// <summary>One round trip: the header and posts numbered [firstPostNumber, firstPostNumber + take). Null when the viewer may not read it.</summary>
    Task<TopicPage?> GetPageAsync(long topicId, Viewer viewer, int firstPostNumber, int take, CancellationToken ct);

    /// <summary>Null when the topic is gone or the viewer may not read it.</summary>
    Task<TopicAccess?> FindAccessAsync(long topicId, Viewer viewer, CancellationToken ct);

    /// <summary>
    /// Who may hear of the topic at <paramref name="now"/>, and which of <paramref name="watcherIds"/> (members
    /// watching it live) are suspended. Null when the topic is gone.
    /// </summary>
    Task<TopicAudience?> AudienceAsync(long topicId, IReadOnlyCollection<long> watcherIds, DateTime now, CancellationToken ct);

}
