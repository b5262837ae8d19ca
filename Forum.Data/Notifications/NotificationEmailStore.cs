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

    public async Task<NotificationEmailBatch?> StartAttemptAsync(long batchId, CancellationToken ct)
    {
        const string sql = """
            UPDATE notification_email_batches SET attempts = attempts + 1
             WHERE id = @BatchId AND state = 'claimed'
            RETURNING attempts;

            SELECT u.id, u.username, u.name, u.email, u.locale, u.time_zone
              FROM notification_email_batches b JOIN users u ON u.id = b.user_id
             WHERE b.id = @BatchId AND b.state = 'claimed';

            SELECT n.kind::int AS kind, t.title AS topic_title, t.slug AS topic_slug, n.topic_id,
                   coalesce(n.post_number, 1) AS post_number, coalesce(a.username, '') AS actor_username,
                   coalesce(p.raw, '') AS post_raw, n.detail, n.created_at
              FROM notifications n
              JOIN topics t ON t.id = n.topic_id
              LEFT JOIN users a ON a.id = n.actor_user_id
              LEFT JOIN posts p ON p.id = n.post_id
             WHERE n.email_batch_id = @BatchId AND p.deleted_at IS NULL AND t.deleted_at IS NULL
             ORDER BY n.created_at, n.id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { BatchId = batchId }, cancellationToken: ct));
        var attempt = await grid.ReadSingleOrDefaultAsync<int?>();
        var member = await grid.ReadSingleOrDefaultAsync<NotificationEmailMember>();
        var notifications = (await grid.ReadAsync<EmailedNotification>()).AsList();
        return attempt is { } a && member is not null ? new NotificationEmailBatch(batchId, a, member, notifications) : null;
    }

    public async Task MarkSentAsync(long batchId, DateTime at, CancellationToken ct)
    {
        const string sql = "UPDATE notification_email_batches SET state = 'sent', sent_at = @At, last_error = NULL WHERE id = @BatchId;";
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
