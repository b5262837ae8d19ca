using Forum.Core.Events;
using Forum.Core.Notifications;
using Forum.Core.Posts;

namespace Forum.Web.Live;

/// <summary>
/// The personal channel: members' unread counts, re-read from the database at each push so every open page
/// shows the same number the header would after a reload. Suspended members hear nothing.
/// </summary>
public sealed class PushNotificationCounts(LiveAudience live, INotificationStore notifications)
    : IHandle<NotificationCountsChanged>, IHandle<PostLiked>
{
    public Task HandleAsync(NotificationCountsChanged e, CancellationToken ct) => PushAsync(e.UserIds, ct);

    // A like's notification is written with the like itself, in PostStore.SetLikeAsync.
    public Task HandleAsync(PostLiked e, CancellationToken ct) => PushAsync([e.AuthorId], ct);

    private async Task PushAsync(IReadOnlyList<long> userIds, CancellationToken ct)
    {
        var active = await live.ActiveAsync(userIds.Distinct().ToList(), ct);
        if (active.Count == 0) return;
        foreach (var (userId, unread) in await notifications.UnreadCountsAsync(active, ct))
            await live.User(userId).NotificationCountChanged(unread);
    }
}
