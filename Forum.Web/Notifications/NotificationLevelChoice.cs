using Forum.Core.Notifications;

namespace Forum.Web.Notifications;

/// <summary>The level control on a topic or category page: a plain form, no script needed.</summary>
public sealed record NotificationLevelChoice(string Action, NotificationLevel Current, bool ForCategory)
{
    public static NotificationLevelChoice Topic(long topicId, NotificationLevel current) =>
        new($"/t/{topicId}/notification-level", current, ForCategory: false);

    public static NotificationLevelChoice Category(long categoryId, NotificationLevel current) =>
        new($"/c/{categoryId}/notification-level", current, ForCategory: true);
}
