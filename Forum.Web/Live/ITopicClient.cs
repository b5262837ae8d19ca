namespace Forum.Web.Live;

/// <summary>
/// What the server calls on browsers. Pushes carry ids, never HTML: the browser fetches the fragment over
/// HTTP, rendered with its own permissions.
/// </summary>
public interface ITopicClient
{
    Task PostCreated(long topicId, int postNumber);

    /// <summary>Edited, deleted or restored: re-fetch that post.</summary>
    Task PostChanged(long topicId, int postNumber);

    /// <summary>Closed, opened, pinned or unpinned: re-read the topic's state.</summary>
    Task TopicChanged(long topicId);

    Task Composing(long topicId, string username);

    Task StoppedComposing(long topicId, string username);

    /// <summary>A topic in a list got new activity; lists count these instead of reshuffling.</summary>
    Task TopicListChanged(long topicId, long categoryId, long? parentCategoryId);

    /// <summary>Personal channel: someone liked one of your posts.</summary>
    Task PostLiked(long topicId, int postNumber, string likerUsername);

    /// <summary>Personal channel: the member's unread notification count changed.</summary>
    Task NotificationCountChanged(int unread);
}
