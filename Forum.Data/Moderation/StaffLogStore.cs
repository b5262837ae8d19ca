using Dapper;
using Forum.Core.Moderation;
using Npgsql;

namespace Forum.Data.Moderation;

public sealed class StaffLogStore(NpgsqlDataSource db) : IStaffLog
{
    public async Task WriteAsync(StaffLogEntry entry, DateTime at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO staff_actions (staff_id, action, target_user_id, topic_id, post_id, details, reason, before_value, after_value, created_at)
            VALUES (@StaffId, @Action, @TargetUserId, @TopicId, @PostId, @Details, @Reason, @Before, @After, @At);
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new
        {
            entry.StaffId, entry.Action, entry.TargetUserId, entry.TopicId, entry.PostId, entry.Details, entry.Reason,
            entry.Before, entry.After, At = at,
        }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<StaffLogRow>> PageAsync(StaffLogQuery query, CancellationToken ct)
    {
        // Keyset by id, newest first; usernames are resolved to ids first so the (staff_id, id) and
        // (target_user_id, id) indexes serve the filtered pages.
        const string sql = """
            SELECT s.id, s.created_at, s.action, s.staff_id, su.username AS staff_username, s.target_user_id,
                   tu.username AS target_username, s.topic_id, t.title AS topic_title, t.slug AS topic_slug, s.post_id,
                   s.details, s.reason, s.before_value, s.after_value
              FROM staff_actions s
              LEFT JOIN users su ON su.id = s.staff_id
              LEFT JOIN users tu ON tu.id = s.target_user_id
              LEFT JOIN topics t ON t.id = s.topic_id
             WHERE (@Action::text IS NULL OR s.action = @Action)
               AND (@StaffUsername::text IS NULL OR s.staff_id = (SELECT id FROM users WHERE lower(username) = lower(@StaffUsername)))
               AND (@TargetUsername::text IS NULL OR s.target_user_id = (SELECT id FROM users WHERE lower(username) = lower(@TargetUsername)))
               AND (@BeforeId::bigint IS NULL OR s.id < @BeforeId)
             ORDER BY s.id DESC
             LIMIT @Take;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<StaffLogRow>(new CommandDefinition(sql, new
        {
            query.Action, query.StaffUsername, query.TargetUsername, query.BeforeId, Take = query.Take + 1,
        }, cancellationToken: ct))).AsList();
    }
}
