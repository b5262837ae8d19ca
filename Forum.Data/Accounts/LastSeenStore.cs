using Dapper;
using Forum.Core.Accounts;
using Npgsql;

namespace Forum.Data.Accounts;

public sealed class LastSeenStore(NpgsqlDataSource db) : ILastSeenStore
{
    public async Task MarkSeenAsync(long userId, DateTime now, TimeSpan resolution, CancellationToken ct)
    {
        // The WHERE keeps a busy member's row from being rewritten on every request, whichever instance serves them.
        const string sql = """
            UPDATE users SET last_seen_at = @Now
             WHERE id = @UserId AND (last_seen_at IS NULL OR last_seen_at < @Now - @Resolution);
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new { UserId = userId, Now = now, Resolution = resolution }, cancellationToken: ct));
    }
}
