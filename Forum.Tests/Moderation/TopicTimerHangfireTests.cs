using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Forum.Tests.Moderation.ModerationKit;

namespace Forum.Tests.Moderation;

/// <summary>Hangfire keeps its storage in a static: this host runs the only Hangfire server, alone in its collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireServerCollection
{
    public const string Name = "Hangfire server";
}

[Collection(HangfireServerCollection.Name)]
public sealed class TopicTimerHangfireTests(TopicTimerHangfireTests.JobsApp forum) : IClassFixture<TopicTimerHangfireTests.JobsApp>
{
    public sealed class JobsApp : ForumApp
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Forum:Jobs:RunServer"] = "true",
            ["Forum:Jobs:SchedulePollingInterval"] = "00:00:01",
        };
    }

    [Fact]
    public async Task A_close_timer_closes_the_topic_through_hangfire_and_the_thread_and_log_say_so()
    {
        await forum.SetUpAsync("admin_timer");
        var categoryId = await forum.CategoryAsync("Timed");
        var author = await forum.UserAsync("author_timer");
        var modId = await forum.UserAsync("mod_timer", UserRole.Moderator);
        var topic = await forum.TopicAsync(author, categoryId, "A thread that closes on a timer");

        await forum.InScopeAsync(sp => sp.GetRequiredService<TopicTimerService>()
            .SetAsync(new Viewer(modId, UserRole.Moderator), topic.Id, TopicTimerService.Close, DateTime.UtcNow.AddSeconds(2), null, default));
        using var reader = forum.Session();
        Assert.Contains("This topic will close in", (await reader.OpenAsync(UrlOf(topic))).TextOf(".topic-timer-notice"));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        var closed = false;
        while (!closed && DateTime.UtcNow < deadline)
        {
            var page = await reader.OpenAsync(UrlOf(topic));
            closed = !page.Document.QuerySelector(".topic-closed-notice")!.HasAttribute("hidden");
            if (!closed) await Task.Delay(250);
        }
        Assert.True(closed, "The timer did not close the topic within a minute.");

        var after = await reader.OpenAsync(UrlOf(topic));
        Assert.Null(after.Document.QuerySelector(".topic-timer-notice"));
        Assert.Contains("Closed automatically by a timer set by @mod_timer", after.TextOf(".small-action"));
        using var moderator = await forum.SignedInAsync("mod_timer");
        Assert.Single(await moderator.LogAsync("topic_closed_by_timer", "author_timer"));
    }

    [Fact]
    public async Task An_auto_close_timer_moves_back_with_each_reply_and_a_replaced_timers_old_job_does_nothing()
    {
        await forum.SetUpAsync("admin_rearm");
        var categoryId = await forum.CategoryAsync("Rearmed");
        var author = await forum.UserAsync("author_rearm");
        var modId = await forum.UserAsync("mod_rearm", UserRole.Moderator);
        var topic = await forum.TopicAsync(author, categoryId, "A thread that closes after quiet");
        var moderator = new Viewer(modId, UserRole.Moderator);

        var timerId = await forum.InScopeAsync(async sp => (await sp.GetRequiredService<TopicTimerService>().SetAsync(moderator, topic.Id, TopicTimerService.Close, null, 24, default)).Value);
        var armedAt = await TimerAsync(timerId);
        await forum.ReplyAsync(author, topic.Id, "A reply that keeps the thread alive.");
        var rearmed = await TimerAsync(timerId);
        Assert.True(rearmed!.ExecuteAt > armedAt!.ExecuteAt);

        // The job runs early (as an old job of a re-armed timer would): the timer is not due, so nothing happens.
        Assert.False(await forum.InScopeAsync(sp => sp.GetRequiredService<TopicTimerService>().RunAsync(timerId, default)));
        Assert.Contains("closed=False", await forum.TopicStateAsync(topic.Id));
    }

    private Task<TopicTimer?> TimerAsync(long timerId) => forum.InScopeAsync(sp => sp.GetRequiredService<IModerationStore>().FindTimerAsync(timerId, default));
}
