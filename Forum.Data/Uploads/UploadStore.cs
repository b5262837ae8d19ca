using Dapper;
using Forum.Core.Uploads;
using Npgsql;

namespace Forum.Data.Uploads;

public sealed class UploadStore(NpgsqlDataSource db) : IUploadStore
{
    private const string Columns = "id, sha256, extension, width, height, has_thumbnail";

    public async Task<Upload?> FindAsync(string originalSha256, UploadPurpose purpose, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM uploads WHERE original_sha256 = @OriginalSha256 AND purpose = @Purpose;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Upload>(new CommandDefinition(sql,
            new { OriginalSha256 = originalSha256, Purpose = PurposeName(purpose) }, cancellationToken: ct));
    }

    public async Task<Upload> AddAsync(NewUpload upload, CancellationToken ct)
    {
        // Two uploads of one original at once: the second insert does nothing and reads the first one's row.
        const string sql = $"""
            WITH added AS (
                INSERT INTO uploads (original_sha256, purpose, sha256, extension, width, height, byte_count, has_thumbnail, user_id, created_at)
                VALUES (@OriginalSha256, @Purpose, @Sha256, @Extension, @Width, @Height, @ByteCount, @HasThumbnail, @UserId, @CreatedAt)
                ON CONFLICT (original_sha256, purpose) DO NOTHING
                RETURNING {Columns})
            SELECT {Columns} FROM added
            UNION ALL
            SELECT {Columns} FROM uploads WHERE original_sha256 = @OriginalSha256 AND purpose = @Purpose
            LIMIT 1;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<Upload>(new CommandDefinition(sql, new
        {
            upload.OriginalSha256, Purpose = PurposeName(upload.Purpose), upload.Sha256, upload.Extension, upload.Width,
            upload.Height, upload.ByteCount, upload.HasThumbnail, upload.UserId, upload.CreatedAt,
        }, cancellationToken: ct));
    }

    public async Task SetAvatarAsync(long userId, string? fileName, CancellationToken ct)
    {
        const string sql = "UPDATE users SET avatar_file = @FileName WHERE id = @UserId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new { UserId = userId, FileName = fileName }, cancellationToken: ct));
    }

    private static string PurposeName(UploadPurpose purpose) => purpose == UploadPurpose.Avatar ? "avatar" : "post";
}
