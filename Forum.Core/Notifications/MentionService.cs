using Forum.Core.Markdown;
using Microsoft.Extensions.Options;

namespace Forum.Core.Notifications;

/// <summary>
/// Cooks posts with their mentions resolved: the names are read from the Markdown tree, looked up once, and only
/// names that exist become links. Posts without mentions or quotes cost no lookup.
/// </summary>
public sealed class MentionService(PostCooker cooker, INotificationStore store, IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>For saving a post: the HTML, whom it notifies, and which mentions the limit left out.</summary>
    public async Task<PreparedPost> PrepareAsync(long authorId, string raw, CancellationToken ct)
    {
        var names = cooker.ReadNames(raw);
        if (names.All.Count == 0) return new PreparedPost(cooker.Cook(raw), PostNotices.None, []);
        var (targets, authorCreatedAt) = await store.FindMentionTargetsAsync(names.All, authorId, ct);
        var limit = NotificationRules.MentionLimit(options.Value, authorCreatedAt, clock.GetUtcNow().UtcDateTime);
        var (notices, overLimit) = NotificationRules.Apply(names, targets, authorId, limit);
        return new PreparedPost(cooker.Cook(raw, targets), notices, overLimit);
    }

    /// <summary>For previews and re-cooking: the HTML as it will be saved, notifying nobody.</summary>
    public async Task<CookedPost> CookAsync(string raw, CancellationToken ct)
    {
        var names = cooker.ReadNames(raw);
        if (names.All.Count == 0) return cooker.Cook(raw);
        var (targets, _) = await store.FindMentionTargetsAsync(names.All, null, ct);
        return cooker.Cook(raw, targets);
    }
}
