using Forum.Core.Events;
using Forum.Core.Moderation;

namespace Forum.Core.Notifications;

/// <summary>A moderator's action on a member's post or topic becomes a notification for that member.</summary>
public sealed class RecordModeratorAction(INotificationStore notifications, IEventPublisher events, TimeProvider clock) : IHandle<ModeratorActed>
{
    public async Task HandleAsync(ModeratorActed e, CancellationToken ct)
    {
        if (e.TargetUserId == e.ModeratorId) return;
        if (await notifications.AddModeratorActionAsync(e, clock.GetUtcNow().UtcDateTime, ct))
            await events.PublishAsync(new NotificationCountsChanged([e.TargetUserId]), ct);
    }
}
