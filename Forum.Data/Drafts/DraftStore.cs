using Dapper;
using Forum.Core.Drafts;
using Npgsql;

namespace Forum.Data.Drafts;

public sealed class DraftStore(NpgsqlDataSource db) : IDraftStore
{
    public async Task<DraftState> FindAsync(long userId, string key, CancellationToken ct)
    {
        const string sql = """
            SELECT sequence, title, category_id, raw FROM drafts WHERE user_id = @UserId AND draft_key = @Key;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<DraftRow>(new CommandDefinition(sql, new { UserId = userId, Key = key }, cancellationToken: ct));
        return row is null ? DraftState.None(key)
            : new DraftState(key, row.Sequence, row.Raw is null ? null : new DraftText(row.Raw, row.Title, row.CategoryId));
    }

    private sealed record DraftRow(int Sequence, string? Title, long? CategoryId, string? Raw);

    public async Task<int?> SaveAsync(long userId, string key, DraftText text, int? expectedSequence, DateTime at, CancellationToken ct)
    {
        // The WHERE refuses a composer whose sequence is behind: the draft was posted or discarded since it loaded.
        const string sql = """
            INSERT INTO drafts (user_id, draft_key, sequence, title, category_id, raw, updated_at)
            VALUES (@UserId, @Key, COALESCE(@ExpectedSequence, 0), @Title, @CategoryId, @Raw, @At)
            ON CONFLICT (user_id, draft_key) DO UPDATE
               SET title = EXCLUDED.title, category_id = EXCLUDED.category_id, raw = EXCLUDED.raw, updated_at = EXCLUDED.updated_at
             WHERE @ExpectedSequence::int IS NULL OR drafts.sequence = @ExpectedSequence
            RETURNING sequence;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(sql, new
        {
            UserId = userId, Key = key, ExpectedSequence = expectedSequence, text.Title, text.CategoryId, text.Raw, At = at,
        }, cancellationToken: ct));
    }

    public async Task<int> DiscardAsync(long userId, string key, DateTime at, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await DraftSql.DiscardAsync(conn, null, userId, key, at, ct);
    }
}

/// <summary>The draft write that rides inside the post stores' transactions: a post made discards its draft.</summary>
internal static class DraftSql
{
    public static async Task<int> DiscardAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, long userId, string key, DateTime at, CancellationToken ct)
    {
        // Only a draft that exists moves on: a composer that never saved holds new text of its own, not this draft.
        const string sql = """
            UPDATE drafts SET sequence = sequence + 1, title = NULL, category_id = NULL, raw = NULL, updated_at = @At
             WHERE user_id = @UserId AND draft_key = @Key
            RETURNING sequence;
            """;
        return await conn.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(sql, new { UserId = userId, Key = key, At = at }, tx, cancellationToken: ct)) ?? 0;
    }
}
