using Forum.Core.Markdown;
using Forum.Core.Moderation;

namespace Forum.Core.Notifications;

public interface INotificationStore
{
    /// <summary>
    /// Which of <paramref name="names"/> are members and which mentionable groups (ignoring case), and when the
    /// author's account was made (null for no author or an unknown one), in one round trip.
    /// </summary>
    Task<(MentionTargets Targets, DateTime? AuthorCreatedAt)> FindMentionTargetsAsync(IReadOnlyList<string> names, long? authorId, CancellationToken ct);

    /// <summary>
    /// The members and mentionable groups whose name starts with <paramref name="prefix"/> (lower case, ignoring
    /// case): those a mention of them would resolve to, as <see cref="FindMentionTargetsAsync"/> finds them.
    /// </summary>
    Task<MentionSuggestions> SuggestMentionTargetsAsync(string prefix, int take, CancellationToken ct);

    /// <summary>Newest first, read and unread, keyset-paged.</summary>
    Task<NotificationPage> ListAsync(long userId, NotificationCursor? before, int take, CancellationToken ct);

    Task<NotificationMenu> MenuAsync(long userId, int take, CancellationToken ct);

    /// <summary>Marks one of the member's notifications read and returns it; null when it is not theirs.</summary>
    Task<Notification?> OpenAsync(long userId, long notificationId, DateTime at, CancellationToken ct);

    /// <summary>How many were unread.</summary>
    Task<int> MarkAllReadAsync(long userId, DateTime at, CancellationToken ct);

    Task<IReadOnlyDictionary<long, int>> UnreadCountsAsync(IReadOnlyList<long> userIds, CancellationToken ct);

    /// <summary>False when the target may no longer read the topic. A mute does not silence moderators.</summary>
    Task<bool> AddModeratorActionAsync(ModeratorActed action, DateTime at, CancellationToken ct);

    /// <summary>Deletes read notifications read before <paramref name="readBefore"/>; returns how many.</summary>
    Task<int> PruneReadAsync(DateTime readBefore, CancellationToken ct);

    Task<NotificationPreferences?> PreferencesAsync(long userId, CancellationToken ct);

    Task<bool> SavePreferencesAsync(long userId, NotificationPreferences preferences, CancellationToken ct);
}
