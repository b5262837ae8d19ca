using Forum.Core.Mail;
using Forum.Core.Notifications;
using Forum.Web.Notifications;
using Hangfire;

namespace Forum.Web.Jobs;

/// <summary>
/// Sends one claimed batch of notifications as one email, then marks it sent. A failed send throws so
/// Hangfire retries with back-off; once sent, reruns do nothing. The Message-ID comes from the batch, so a
/// copy resent after a crash between send and mark is recognisable. What the member may no longer read when the
/// mail goes out (topic moved or deleted, post hidden or deleted, member suspended) is left out and logged.
/// </summary>
public sealed partial class SendNotificationEmail(INotificationEmailStore emails, ActivityMail mail, IMailer mailer, TimeProvider clock,
    ILogger<SendNotificationEmail> log)
{
    [AutomaticRetry(Attempts = 10, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<bool> RunAsync(long batchId, CancellationToken ct)
    {
        if (await emails.StartAttemptAsync(batchId, clock.GetUtcNow().UtcDateTime, ct) is not { } batch)
        {
            LogAlreadySent(batchId);
            return false;
        }
        foreach (var skipped in batch.Skipped) LogLeftOut(batchId, batch.Member.Id, skipped.TopicId, skipped.PostNumber, skipped.SkipReason!);
        if (batch.Notifications.Count == 0)
        {
            await emails.MarkSkippedAsync(batchId, clock.GetUtcNow().UtcDateTime, ct);
            LogNothingLeft(batchId, batch.Member.Id);
            return false;
        }
        try
        {
            var message = mail.Compose(batch);
            await mailer.SendAsync(message, ct);
            await emails.MarkSentAsync(batchId, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            LogSent(batchId, batch.Member.Id, batch.Notifications.Count, batch.Attempt);
            return true;
        }
        catch (Exception e)
        {
            await emails.MarkFailedAsync(batchId, e.Message, CancellationToken.None);
            LogFailed(e, batchId, batch.Member.Id, batch.Attempt);
            throw;
        }
    }

    [LoggerMessage(LogLevel.Information, "Notification email {BatchId} sent to {UserId} with {Count} notifications (attempt {Attempt})")]
    private partial void LogSent(long batchId, long userId, int count, int attempt);

    [LoggerMessage(LogLevel.Information, "Notification email {BatchId} skipped: already sent or skipped")]
    private partial void LogAlreadySent(long batchId);

    [LoggerMessage(LogLevel.Information, "Notification email {BatchId} for {UserId} leaves out post {PostNumber} of topic {TopicId}: {Reason}")]
    private partial void LogLeftOut(long batchId, long userId, long topicId, int postNumber, string reason);

    [LoggerMessage(LogLevel.Information, "Notification email {BatchId} for {UserId} skipped: nothing left the member may read")]
    private partial void LogNothingLeft(long batchId, long userId);

    [LoggerMessage(LogLevel.Warning, "Notification email {BatchId} for {UserId} failed on attempt {Attempt}; it will be retried")]
    private partial void LogFailed(Exception error, long batchId, long userId, int attempt);
}
