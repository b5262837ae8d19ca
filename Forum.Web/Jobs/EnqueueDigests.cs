using Forum.Core.Digests;
using Hangfire;

namespace Forum.Web.Jobs;

/// <summary>
/// Every 15 minutes: selects the members whose digest is due (one capped query) and enqueues a SendDigest for
/// each, as Discourse's enqueue_digest_emails does. Members beyond the cap are picked up by the next run. A
/// member enqueued twice (by overlapping runs) still gets one digest: SendDigest's claim decides.
/// </summary>
public sealed partial class EnqueueDigests(IDigestStore digests, IBackgroundJobClient jobs, TimeProvider clock, ILogger<EnqueueDigests> log)
{
    public const string RecurringJobId = "enqueue-digests";
    public const string Every15Minutes = "*/15 * * * *";
    public const int MaxPerRun = 10_000;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var due = await digests.DueAsync(clock.GetUtcNow().UtcDateTime, ignoreHour: false, onlyUserId: null, MaxPerRun, ct);
        foreach (var digest in due)
            jobs.Enqueue<SendDigest>(job => job.RunAsync(digest.UserId, digest.Period, CancellationToken.None));
        if (due.Count > 0) LogEnqueued(due.Count);
        return due.Count;
    }

    [LoggerMessage(LogLevel.Information, "Enqueued {Count} digests")]
    private partial void LogEnqueued(int count);
}
