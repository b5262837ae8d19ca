using Forum.Core.Digests;
using Forum.Core.Mail;
using Forum.Web.Digests;
using Hangfire;

namespace Forum.Web.Jobs;

public enum DigestDelivery { Sent, Skipped, AlreadyHandled }

/// <summary>
/// One member's digest for one window. Claim the key, build, send, mark sent: a failed send throws so that
/// Hangfire retries with back-off, and the retry takes the claim over; once sent, reruns do nothing. A crash
/// between send and mark may resend once, with the same Message-ID, so the copy is recognisable.
/// </summary>
public sealed partial class SendDigest(IDigestStore digests, DigestBuilder builder, DigestMail mail, IMailer mailer, TimeProvider clock, ILogger<SendDigest> log)
{
    [AutomaticRetry(Attempts = 10, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<DigestDelivery> RunAsync(long userId, DateOnly period, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await digests.TryClaimAsync(userId, period, now, ct) is not { } attempt)
        {
            LogAlreadyHandled(userId, period);
            return DigestDelivery.AlreadyHandled;
        }
        try
        {
            var digest = await builder.BuildAsync(userId, period, now, ct);
            if (digest.SkipReason is { } reason)
            {
                await digests.MarkSkippedAsync(userId, period, reason, clock.GetUtcNow().UtcDateTime, ct);
                LogSkipped(userId, period, reason);
                return DigestDelivery.Skipped;
            }
            var message = mail.Compose(digest);
            await mailer.SendAsync(message, ct);
            // Accepted by the server: recorded even if shutdown began meanwhile, or a retry would send it again.
            await digests.MarkSentAsync(userId, period, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            LogSent(userId, period, message.To, attempt);
            return DigestDelivery.Sent;
        }
        catch (Exception e)
        {
            // Whatever stopped this attempt (SMTP down, database hiccup, shutdown), the next one may take over.
            await digests.MarkFailedAsync(userId, period, e.Message, CancellationToken.None);
            // The reason alone (SMTP refused, say): Hangfire keeps the whole exception, and a CLI run prints no stack trace.
            LogFailed(userId, period, attempt, e.Message);
            throw;
        }
    }

    [LoggerMessage(LogLevel.Information, "Digest sent to {UserId} for {Period} ({Address}, attempt {Attempt})")]
    private partial void LogSent(long userId, DateOnly period, string address, int attempt);

    [LoggerMessage(LogLevel.Information, "Digest skipped for {UserId} for {Period}: {Reason}")]
    private partial void LogSkipped(long userId, DateOnly period, string reason);

    [LoggerMessage(LogLevel.Information, "Digest skipped for {UserId} for {Period}: already sent, skipped or under way")]
    private partial void LogAlreadyHandled(long userId, DateOnly period);

    [LoggerMessage(LogLevel.Warning, "Digest for {UserId} for {Period} failed on attempt {Attempt}; it will be retried: {Reason}")]
    private partial void LogFailed(long userId, DateOnly period, int attempt, string reason);
}
