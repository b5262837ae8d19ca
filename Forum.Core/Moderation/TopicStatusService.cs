using Forum.Core.Accounts;
using Forum.Core.Events;
using Forum.Core.Topics;

namespace Forum.Core.Moderation;

/// <summary>Staff close, reopen, pin and unpin topics; everyone else is refused.</summary>
public sealed class TopicStatusService(ITopicStore topics, IEventPublisher events, TimeProvider clock)
{
    public async Task<Outcome<bool>> SetClosedAsync(Viewer staff, long topicId, bool closed, CancellationToken ct)
    {
        if (await RefusalAsync(staff, topicId, ct) is { } refusal) return refusal;
        var changed = await topics.SetClosedAsync(topicId, closed, clock.GetUtcNow().UtcDateTime, ct);
        if (changed) await events.PublishAsync(new TopicStatusChanged(topicId, closed ? TopicStatus.Closed : TopicStatus.Opened, staff.UserId!.Value), ct);
        return Outcome<bool>.Ok(changed);
    }

    public async Task<Outcome<bool>> SetPinnedAsync(Viewer staff, long topicId, bool pinned, bool globally, CancellationToken ct)
    {
        if (await RefusalAsync(staff, topicId, ct) is { } refusal) return refusal;
        var changed = await topics.SetPinnedAsync(topicId, pinned, globally, clock.GetUtcNow().UtcDateTime, ct);
        if (changed) await events.PublishAsync(new TopicStatusChanged(topicId, pinned ? TopicStatus.Pinned : TopicStatus.Unpinned, staff.UserId!.Value), ct);
        return Outcome<bool>.Ok(changed);
    }

    private async Task<Outcome<bool>?> RefusalAsync(Viewer staff, long topicId, CancellationToken ct)
    {
        if (!staff.IsStaff) return Outcome<bool>.Refused(new FieldError("", "Only moderators can do that."));
        return await topics.FindAccessAsync(topicId, staff, ct) is null
            ? Outcome<bool>.Refused(new FieldError("", "This topic does not exist or you cannot see it."))
            : null;
    }
}
