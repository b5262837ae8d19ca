using Forum.Core.Notifications;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Forum.Web.Jobs;

/// <summary>
/// Every few minutes: claims one batch per away member whose mentions, quotes or replies have waited long
/// enough to gather a burst, and enqueues one SendNotificationEmail per batch.
/// </summary>
public sealed class EnqueueNotificationEmails(INotificationEmailStore emails, IBackgroundJobClient jobs, IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<EnqueueNotificationEmails> log)
{
    public const string RecurringJobId = "enqueue-notification-emails";
    public const string Every5Minutes = "*/5 * * * *";
    private const int BatchesPerRun = 5_000;

    public async Task<IReadOnlyList<long>> RunAsync(CancellationToken ct)
    {
        var batches = await emails.ClaimBatchesAsync(clock.GetUtcNow().UtcDateTime,
            TimeSpan.FromMinutes(options.Value.AwayAfterMinutes), TimeSpan.FromMinutes(options.Value.EmailBatchMinutes), BatchesPerRun, ct);
        foreach (var batchId in batches) jobs.Enqueue<SendNotificationEmail>(job => job.RunAsync(batchId, CancellationToken.None));
        if (batches.Count > 0) log.LogInformation("Enqueued {Count} notification emails", batches.Count);
        return batches;
    }
}
