using Forum.Core.Accounts;
using Forum.Core.Categories;
using Forum.Core.Events;
using Forum.Core.Topics;

namespace Forum.Core.Notifications;

/// <summary>What members do with their notifications and levels; each change that moves an unread count is announced.</summary>
public sealed class NotificationService(INotificationStore notifications, IReadStateStore readState, ITopicStore topics,
    ICategoryStore categories, IEventPublisher events, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The notification, now read; null when it is not the viewer's.</summary>
    public async Task<Notification?> OpenAsync(Viewer viewer, long notificationId, CancellationToken ct)
    {
        if (viewer.UserId is not { } userId) return null;
        var opened = await notifications.OpenAsync(userId, notificationId, Now, ct);
        if (opened is { IsRead: false }) await events.PublishAsync(new NotificationCountsChanged([userId]), ct);
        return opened;
    }

    public async Task MarkAllReadAsync(Viewer viewer, CancellationToken ct)
    {
        if (viewer.UserId is not { } userId) return;
        if (await notifications.MarkAllReadAsync(userId, Now, ct) > 0)
            await events.PublishAsync(new NotificationCountsChanged([userId]), ct);
    }

    /// <summary>Posts the live client saw scroll into view.</summary>
    public async Task MarkReadAsync(Viewer viewer, long topicId, int postNumber, CancellationToken ct)
    {
        if (viewer.UserId is not { } userId || postNumber < 1) return;
        if (await readState.MarkReadAsync(viewer, topicId, postNumber, Now, ct) > 0)
            await events.PublishAsync(new NotificationCountsChanged([userId]), ct);
    }

    public async Task<Outcome<TopicAccess>> SetTopicLevelAsync(Viewer viewer, long topicId, int level, CancellationToken ct)
    {
        if (viewer.UserId is not { } userId) return Outcome<TopicAccess>.Refused(Refusal.Forbidden("Log in to follow topics."));
        if (!NotificationLevels.IsValid(level)) return Outcome<TopicAccess>.Refused(new FieldError("Level", "Choose a notification level."));
        var topic = await topics.FindAccessAsync(topicId, viewer, ct);
        if (topic is null) return Outcome<TopicAccess>.Refused(Permissions.Guardian.TopicNotFound);
        await readState.SetTopicLevelAsync(userId, topicId, (NotificationLevel)level, Now, ct);
        return Outcome<TopicAccess>.Ok(topic);
    }

    public async Task<Outcome<Category>> SetCategoryLevelAsync(Viewer viewer, long categoryId, int level, CancellationToken ct)
    {
        if (viewer.UserId is not { } userId) return Outcome<Category>.Refused(Refusal.Forbidden("Log in to follow categories."));
        if (!NotificationLevels.IsValid(level)) return Outcome<Category>.Refused(new FieldError("Level", "Choose a notification level."));
        var category = await categories.FindAsync(categoryId, viewer, ct);
        if (category is null) return Outcome<Category>.Refused(Refusal.NotFound("This category does not exist or you cannot see it."));
        await readState.SetCategoryLevelAsync(userId, categoryId, (NotificationLevel)level, ct);
        return Outcome<Category>.Ok(category);
    }

    public async Task<Outcome<bool>> SavePreferencesAsync(Viewer viewer, int onCreate, int onReply, bool emailWhenAway, CancellationToken ct)
    {
        if (viewer.UserId is not { } userId) return Outcome<bool>.Refused(Refusal.Forbidden("Log in to change your preferences."));
        // Muting one's own topics by default would hide replies to them; Discourse offers no such choice either.
        var errors = new List<FieldError>();
        if (onCreate is < 1 or > 3) errors.Add(new FieldError("OnCreate", "Choose a notification level."));
        if (onReply is < 1 or > 3) errors.Add(new FieldError("OnReply", "Choose a notification level."));
        if (errors.Count > 0) return Outcome<bool>.Refused(errors);
        return Outcome<bool>.Ok(await notifications.SavePreferencesAsync(userId,
            new NotificationPreferences((NotificationLevel)onCreate, (NotificationLevel)onReply, emailWhenAway), ct));
    }
}
