using Dapper;
using Forum.Core.Accounts;
using Npgsql;

namespace Forum.Data.Accounts;

public sealed class SessionStore(NpgsqlDataSource db) : ISessionStore
{
    public async Task StartAsync(string sessionId, long userId, string userAgent, DateTime now, CancellationToken ct)
    {
        const string sql = """
            WITH started AS (
                INSERT INTO user_sessions (id, user_id, created_at, last_seen_at, user_agent)
                VALUES (@SessionId, @UserId, @Now, @Now, @UserAgent))
            UPDATE users SET last_seen_at = @Now WHERE id = @UserId;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new { SessionId = sessionId, UserId = userId, UserAgent = userAgent, Now = now }, cancellationToken: ct));
    }

    public async Task<SessionMember?> CheckAsync(string sessionId, DateTime now, DateTime idleSince, TimeSpan seenResolution, CancellationToken ct)
    {
        // One statement on every signed-in request: the session lookup by primary key, and the two "seen" writes,
        // which their WHERE clauses skip unless the last one is older than the resolution.
        const string sql = """
            WITH live AS (
                SELECT s.id, s.user_id, s.last_seen_at FROM user_sessions s
                 WHERE s.id = @SessionId AND s.revoked_at IS NULL AND s.last_seen_at > @IdleSince
            ), session_seen AS (
                UPDATE user_sessions s SET last_seen_at = @Now FROM live
                 WHERE s.id = live.id AND live.last_seen_at < @Now - @Resolution
            ), member_seen AS (
                UPDATE users u SET last_seen_at = @Now FROM live
                 WHERE u.id = live.user_id AND (u.last_seen_at IS NULL OR u.last_seen_at < @Now - @Resolution)
            )
            SELECT u.id AS user_id, u.username, u.role, u.locale, u.time_zone,
                   u.email_confirmed_at IS NOT NULL AS email_confirmed, u.suspended_until, u.theme
              FROM live JOIN users u ON u.id = live.user_id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(sql,
            new { SessionId = sessionId, Now = now, IdleSince = idleSince, Resolution = seenResolution }, cancellationToken: ct));
        return row?.ToMember();
    }

    public async Task EndAsync(string sessionId, DateTime now, CancellationToken ct)
    {
        const string sql = "UPDATE user_sessions SET revoked_at = @Now WHERE id = @SessionId AND revoked_at IS NULL;";
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new { SessionId = sessionId, Now = now }, cancellationToken: ct));
    }

    public async Task<int> EndAllAsync(long userId, DateTime now, CancellationToken ct)
    {
        const string sql = "UPDATE user_sessions SET revoked_at = @Now WHERE user_id = @UserId AND revoked_at IS NULL;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, new { UserId = userId, Now = now }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<string>> LiveAmongAsync(IReadOnlyCollection<string> sessionIds, CancellationToken ct)
    {
        const string sql = "SELECT id FROM user_sessions WHERE id = ANY(@SessionIds) AND revoked_at IS NULL;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<string>(new CommandDefinition(sql, new { SessionIds = sessionIds.ToArray() }, cancellationToken: ct))).AsList();
    }

    private sealed record SessionRow(long UserId, string Username, string Role, string Locale, string TimeZone, bool EmailConfirmed, DateTime? SuspendedUntil, string Theme)
    {
        public SessionMember ToMember() => new(UserId, Username, UserStore.ParseRole(Role), Locale, TimeZone, EmailConfirmed, SuspendedUntil, Theme);
    }
}
