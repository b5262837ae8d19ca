using Dapper;
using Forum.Core.Notifications;
using Forum.Data.Database;
using Npgsql;

namespace Forum.Data.Notifications;

public sealed class NotificationEmailStore(NpgsqlDataSource db) : INotificationEmailStore
{
    // Mentions, group mentions, quotes and replies (kinds 1–4) reach members by mail; likes and watched posts do not.
    private const string Emailable = """
        n.email_batch_id IS NULL AND n.read_at IS NULL AND n.kind <= 4
        AND n.created_at > coalesce(u.last_seen_at, '-infinity')
        """;

    public async Task<IReadOnlyList<long>> ClaimBatchesAsync(DateTime now, TimeSpan awayAfter, TimeSpan batchAfter, int take, CancellationToken ct)
    {
        // The batch and the notifications pointing at it are written together. A second scheduler racing for the
        // same member waits on the notification rows, then finds them taken and claims nothing.
        const string sql = $"""
            WITH due AS (
                SELECT n.user_id
                  FROM notifications n
                  JOIN users u ON u.id = n.user_id
                 WHERE {Emailable}
                   AND u.email_when_away AND u.email_confirmed_at IS NOT NULL AND {Mailable.Member}
                   AND (u.suspended_until IS NULL OR u.suspended_until <= @Now)
                   AND (u.last_seen_at IS NULL OR u.last_seen_at < @Now - @AwayAfter)
                 GROUP BY n.user_id
                HAVING min(n.created_at) <= @Now - @BatchAfter
                 ORDER BY min(n.created_at)
                 LIMIT @Take),
            batch AS (
                INSERT INTO notification_email_batches (user_id, created_at)
                SELECT user_id, @Now FROM due
                RETURNING id, user_id),
            claimed AS (
                UPDATE notifications n SET email_batch_id = b.id
                  FROM batch b JOIN users u ON u.id = b.user_id
                 WHERE n.user_id = b.user_id AND {Emailable}
             RETURNING b.id)
            SELECT DISTINCT id FROM claimed ORDER BY id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<long>(new CommandDefinition(sql,
            new { Now = now, AwayAfter = awayAfter, BatchAfter = batchAfter, Take = take }, cancellationToken: ct))).AsList();
    }

    public async Task<NotificationEmailBatch?> StartAttemptAsync(long batchId, DateTime now, CancellationToken ct)
    {
        // Each notification is checked as the member stands now, with the Guardian's fragments: what they may no
        // longer read is marked skipped with its reason in the same statement and stays skipped on a retry, so it
        // can never be mailed later by surprise. The CASE only names the reason; the fragments decide.
        const string sql = $"""
            UPDATE notification_email_batches SET attempts = attempts + 1
             WHERE id = @BatchId AND state = 'claimed'
            RETURNING attempts;

            SELECT u.id, u.username, u.name, u.email, u.locale, u.time_zone
              FROM notification_email_batches b JOIN users u ON u.id = b.user_id
             WHERE b.id = @BatchId AND b.state = 'claimed';

            WITH checked AS (
                SELECT n.id, n.kind::int AS kind, t.title AS topic_title, t.slug AS topic_slug, n.topic_id,
                       coalesce(n.post_number, 1) AS post_number, coalesce(a.username, '') AS actor_username,
                       coalesce(p.raw, '') AS post_raw, n.detail, n.created_at,
                       CASE WHEN n.email_skip_reason IS NOT NULL THEN n.email_skip_reason
                            WHEN {Visibility.TopicReadableByUser} AND {Visibility.PostTextDeliverable} THEN NULL
                            WHEN NOT {Visibility.UserActive} THEN @MemberSuspended
                            WHEN t.deleted_at IS NOT NULL THEN @TopicDeleted
                            WHEN p.deleted_at IS NOT NULL THEN @PostDeleted
                            WHEN p.hidden_at IS NOT NULL THEN @PostHidden
                            ELSE @TopicNotReadable END AS skip_reason
                  FROM notifications n
                  JOIN notification_email_batches b ON b.id = n.email_batch_id AND b.state = 'claimed'
                  JOIN users u ON u.id = n.user_id
                  JOIN topics t ON t.id = n.topic_id
                  JOIN categories c ON c.id = t.category_id
                  LEFT JOIN users a ON a.id = n.actor_user_id
                  LEFT JOIN posts p ON p.id = n.post_id
                 WHERE n.email_batch_id = @BatchId),
            skipped AS (
                UPDATE notifications n SET email_skip_reason = k.skip_reason
                  FROM checked k
                 WHERE n.id = k.id AND k.skip_reason IS NOT NULL AND n.email_skip_reason IS NULL)
            SELECT kind, topic_title, topic_slug, topic_id, post_number, actor_username,
                   CASE WHEN skip_reason IS NULL THEN post_raw ELSE '' END AS post_raw, detail, created_at, skip_reason
              FROM checked
             ORDER BY created_at, id;
            """;
        var args = new
        {
            BatchId = batchId, Now = now, EmailSkipReasons.MemberSuspended, EmailSkipReasons.TopicDeleted, EmailSkipReasons.PostDeleted,
            EmailSkipReasons.PostHidden, EmailSkipReasons.TopicNotReadable,
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, args, cancellationToken: ct));
        var attempt = await grid.ReadSingleOrDefaultAsync<int?>();
        var member = await grid.ReadSingleOrDefaultAsync<NotificationEmailMember>();
        var notifications = (await grid.ReadAsync<EmailedNotification>()).AsList();
        return attempt is { } a && member is not null
            ? new NotificationEmailBatch(batchId, a, member, notifications.Where(n => n.SkipReason is null).ToList(),
                notifications.Where(n => n.SkipReason is not null).ToList())
            : null;
    }

    public async Task MarkSentAsync(long batchId, DateTime at, CancellationToken ct)
    {
        const string sql = "UPDATE notification_email_batches SET state = 'sent', sent_at = @At, last_error = NULL WHERE id = @BatchId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new { BatchId = batchId, At = at }, cancellationToken: ct));
    }

    public async Task MarkSkippedAsync(long batchId, DateTime at, CancellationToken ct)
    {
        const string sql = "UPDATE notification_email_batches SET state = 'skipped', skipped_at = @At, last_error = NULL WHERE id = @BatchId AND state = 'claimed';";
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new { BatchId = batchId, At = at }, cancellationToken: ct));
    }

    public async Task MarkFailedAsync(long batchId, string error, CancellationToken ct)
    {
        const string sql = "UPDATE notification_email_batches SET last_error = @Error WHERE id = @BatchId AND state = 'claimed';";
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new { BatchId = batchId, Error = error }, cancellationToken: ct));
    }
}
