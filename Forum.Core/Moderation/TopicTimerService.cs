using Forum.Core.Permissions;
using Forum.Core.Accounts;
using Forum.Core.Events;
using Forum.Core.Topics;

namespace Forum.Core.Moderation;

/// <summary>
/// Topic timers: close or open at a moment, or close N hours after the last reply. The timer lives in the
/// database (the topic shows it, a replaced timer is recognised); <see cref="TopicTimerArmed"/> asks the job
/// scheduler to run it, and the run checks the timer is still the current one and due before acting.
/// </summary>
public sealed class TopicTimerService(ITopicStore topics, IModerationStore moderation, TopicStatusService status,
    IEventPublisher events, TimeProvider clock)
{
    public const string Close = "close", Open = "open";
    public const int MaxHours = 24 * 365;

    // Hangfire keeps a scheduled job's moment in whole seconds, so a job may start up to a second early. Timers
    // replaced or re-armed meanwhile move by minutes or hours, far beyond this.
    private static readonly TimeSpan DueTolerance = TimeSpan.FromSeconds(5);

    public async Task<Outcome<long>> SetAsync(Viewer staff, long topicId, string action, DateTime? executeAt, int? hoursAfterReply, CancellationToken ct)
    {
        if (ModerationRules.RefuseUnlessStaff<long>(staff) is { } refused) return refused;
        if (await topics.FindAccessAsync(topicId, staff, ct) is null) return Outcome<long>.Refused(Guardian.TopicNotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        if (action is not (Close or Open)) return Outcome<long>.Refused(new FieldError("TimerAction", "Choose what the timer does."));
        DateTime at;
        if (hoursAfterReply is { } hours)
        {
            if (action != Close || hours is < 1 or > MaxHours)
                return Outcome<long>.Refused(new FieldError("HoursAfterReply", "Auto-close takes 1 to {0} hours after the last reply.", MaxHours));
            at = now.AddHours(hours);
        }
        else if (executeAt is { } moment && moment > now) at = moment;
        else return Outcome<long>.Refused(new FieldError("ExecuteAt", "Choose a moment in the future."));

        var timerId = await moderation.SetTimerAsync(new NewTopicTimer(topicId, action, at, hoursAfterReply, staff.UserId!.Value, now), ct);
        await events.PublishAsync(new TopicTimerArmed(timerId, topicId, at), ct);
        await events.PublishAsync(new TopicStatusChanged(topicId, TopicStatus.Changed, staff.UserId!.Value), ct);
        return Outcome<long>.Ok(timerId);
    }

    public async Task<Outcome<bool>> CancelAsync(Viewer staff, long topicId, CancellationToken ct)
    {
        if (ModerationRules.RefuseUnlessStaff<bool>(staff) is { } refused) return refused;
        if (await topics.FindAccessAsync(topicId, staff, ct) is null) return Outcome<bool>.Refused(Guardian.TopicNotFound);
        return Outcome<bool>.Ok(await moderation.CancelTimerAsync(topicId, staff.UserId!.Value, clock.GetUtcNow().UtcDateTime, ct));
    }

    /// <summary>
    /// Runs timer <paramref name="timerId"/> if it still exists and is due. A rerun, a replaced timer or one re-armed
    /// by a later reply does nothing; the status change itself names the old state, so it cannot apply twice.
    /// </summary>
    public async Task<bool> RunAsync(long timerId, CancellationToken ct)
    {
        var timer = await moderation.FindTimerAsync(timerId, ct);
        if (timer is null || timer.ExecuteAt > clock.GetUtcNow().UtcDateTime + DueTolerance) return false;
        var changed = timer.Action == Close
            ? await status.ApplyAsync(timer.TopicId, TopicStatusAction.Close, StaffActions.TopicClosedByTimer, timer.CreatedById, "", null, ct)
            : await status.ApplyAsync(timer.TopicId, TopicStatusAction.Open, StaffActions.TopicOpenedByTimer, timer.CreatedById, "", null, ct);
        await moderation.DeleteTimerAsync(timer.Id, timer.ExecuteAt, ct);
        return changed;
    }

    /// <summary>A reply pushes an "N hours after the last reply" timer back by N hours.</summary>
    public async Task RearmAfterReplyAsync(long topicId, CancellationToken ct)
    {
        if (await moderation.RearmAfterReplyAsync(topicId, clock.GetUtcNow().UtcDateTime, ct) is { } timer)
            await events.PublishAsync(new TopicTimerArmed(timer.Id, topicId, timer.ExecuteAt), ct);
    }
}
