using Forum.Core.Events;
using Forum.Core.Moderation;
using Forum.Core.Posts;
using Hangfire;

namespace Forum.Web.Jobs;

/// <summary>Closes or opens a topic when its timer is due; a replaced or re-armed timer's old job does nothing.</summary>
public sealed class RunTopicTimer(TopicTimerService timers, ILogger<RunTopicTimer> log)
{
    public async Task RunAsync(long timerId, CancellationToken ct)
    {
        if (await timers.RunAsync(timerId, ct)) log.LogInformation("Topic timer {TimerId} ran", timerId);
    }
}

/// <summary>A timer set or moved: its job is scheduled for the moment it fires. The timer row survives restarts, and so does Hangfire's schedule.</summary>
public sealed class ScheduleTopicTimer(IBackgroundJobClient jobs) : IHandle<TopicTimerArmed>
{
    public Task HandleAsync(TopicTimerArmed e, CancellationToken ct)
    {
        jobs.Schedule<RunTopicTimer>(job => job.RunAsync(e.TimerId, CancellationToken.None), new DateTimeOffset(DateTime.SpecifyKind(e.ExecuteAt, DateTimeKind.Utc)));
        return Task.CompletedTask;
    }
}

/// <summary>"Close N hours after the last reply": each reply moves the timer back.</summary>
public sealed class RearmAutoCloseOnReply(TopicTimerService timers) : IHandle<ReplyPosted>
{
    public Task HandleAsync(ReplyPosted e, CancellationToken ct) => timers.RearmAfterReplyAsync(e.TopicId, ct);
}
