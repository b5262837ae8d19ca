using Forum.Core.Permissions;
using Forum.Core.Accounts;
using Forum.Core.Events;
using Forum.Core.Topics;

namespace Forum.Core.Moderation;

/// <summary>
/// Staff close, reopen, archive, unlist, pin and unpin topics; everyone else is refused. Each change writes the
/// thread's small-action entry and the staff log in the same statement as the change itself.
/// </summary>
public sealed class TopicStatusService(ITopicStore topics, IModerationStore moderation, IEventPublisher events, TimeProvider clock)
{
    public Task<Outcome<bool>> SetClosedAsync(Viewer staff, long topicId, bool closed, CancellationToken ct, string reason = "") =>
        ChangeAsync(staff, topicId, closed ? TopicStatusAction.Close : TopicStatusAction.Open, reason, null, ct);

    public Task<Outcome<bool>> SetArchivedAsync(Viewer staff, long topicId, bool archived, CancellationToken ct, string reason = "") =>
        ChangeAsync(staff, topicId, archived ? TopicStatusAction.Archive : TopicStatusAction.Unarchive, reason, null, ct);

    public Task<Outcome<bool>> SetListedAsync(Viewer staff, long topicId, bool listed, CancellationToken ct, string reason = "") =>
        ChangeAsync(staff, topicId, listed ? TopicStatusAction.Relist : TopicStatusAction.Unlist, reason, null, ct);

    /// <summary>Pins in the topic's category, or for everyone on /latest, optionally until a moment.</summary>
    public Task<Outcome<bool>> SetPinnedAsync(Viewer staff, long topicId, bool pinned, bool globally, CancellationToken ct, DateTime? until = null, string reason = "")
    {
        if (pinned && until is { } end && end <= clock.GetUtcNow().UtcDateTime)
            return Task.FromResult(Outcome<bool>.Refused(new FieldError("PinnedUntil", "The pin must end in the future.")));
        var action = !pinned ? TopicStatusAction.Unpin : globally ? TopicStatusAction.PinGlobally : TopicStatusAction.Pin;
        return ChangeAsync(staff, topicId, action, reason, pinned ? until : null, ct);
    }

    /// <summary>"Unpin for me": any signed-in reader.</summary>
    public async Task<Outcome<bool>> DismissPinAsync(Viewer reader, long topicId, CancellationToken ct)
    {
        if (reader.UserId is not { } userId) return Outcome<bool>.Refused(Permissions.Guardian.SignInRequired);
        if (await topics.FindAccessAsync(topicId, reader, ct) is null) return Outcome<bool>.Refused(Guardian.TopicNotFound);
        return Outcome<bool>.Ok(await moderation.DismissPinAsync(topicId, userId, clock.GetUtcNow().UtcDateTime, ct));
    }

    /// <summary>Also used by timers, whose actor is the moderator who set them.</summary>
    internal async Task<bool> ApplyAsync(long topicId, TopicStatusAction action, string logAction, long staffId, string reason, DateTime? until, CancellationToken ct)
    {
        var owner = await moderation.ChangeTopicStatusAsync(
            new TopicStatusChange(topicId, action, logAction, staffId, reason, until, clock.GetUtcNow().UtcDateTime), ct);
        if (owner is not { } ownerId) return false;
        await events.PublishAsync(new TopicStatusChanged(topicId, StatusOf(action), staffId), ct);
        if (ownerId != staffId) await events.PublishAsync(new ModeratorActed(ownerId, topicId, null, logAction, staffId), ct);
        return true;
    }

    private async Task<Outcome<bool>> ChangeAsync(Viewer staff, long topicId, TopicStatusAction action, string reason, DateTime? until, CancellationToken ct)
    {
        if (ModerationRules.RefuseUnlessStaff<bool>(staff) is { } refused) return refused;
        reason = reason.Trim();
        var errors = ModerationRules.CheckReason(reason).ToList();
        if (errors.Count > 0) return Outcome<bool>.Refused(errors);
        if (await topics.FindAccessAsync(topicId, staff, ct) is null) return Outcome<bool>.Refused(Guardian.TopicNotFound);
        return Outcome<bool>.Ok(await ApplyAsync(topicId, action, LogActionOf(action), staff.UserId!.Value, reason, until, ct));
    }

    private static string LogActionOf(TopicStatusAction action) => action switch
    {
        TopicStatusAction.Close => StaffActions.TopicClosed,
        TopicStatusAction.Open => StaffActions.TopicOpened,
        TopicStatusAction.Archive => StaffActions.TopicArchived,
        TopicStatusAction.Unarchive => StaffActions.TopicUnarchived,
        TopicStatusAction.Unlist => StaffActions.TopicUnlisted,
        TopicStatusAction.Relist => StaffActions.TopicListed,
        TopicStatusAction.Pin => StaffActions.TopicPinned,
        TopicStatusAction.PinGlobally => StaffActions.TopicPinnedGlobally,
        _ => StaffActions.TopicUnpinned,
    };

    private static TopicStatus StatusOf(TopicStatusAction action) => action switch
    {
        TopicStatusAction.Close => TopicStatus.Closed,
        TopicStatusAction.Open => TopicStatus.Opened,
        TopicStatusAction.Archive => TopicStatus.Archived,
        TopicStatusAction.Unarchive => TopicStatus.Unarchived,
        TopicStatusAction.Unlist => TopicStatus.Unlisted,
        TopicStatusAction.Relist => TopicStatus.Listed,
        TopicStatusAction.Pin or TopicStatusAction.PinGlobally => TopicStatus.Pinned,
        _ => TopicStatus.Unpinned,
    };
}
