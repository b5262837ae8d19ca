using Dapper;
using Forum.Core.Accounts;
using Npgsql;

namespace Forum.Data.Accounts;

public sealed class AccountTokenStore(NpgsqlDataSource db) : IAccountTokenStore
{
    public async Task IssueAsync(string tokenId, long userId, AccountTokenPurpose purpose, string email, DateTime now, DateTime expiresAt, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO account_tokens (id, user_id, purpose, email, created_at, expires_at)
            VALUES (@TokenId, @UserId, @Purpose, @Email, @Now, @ExpiresAt);
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql,
            new { TokenId = tokenId, UserId = userId, Purpose = PurposeName(purpose), Email = email, Now = now, ExpiresAt = expiresAt }, cancellationToken: ct));
    }

    public async Task<bool> IsUsableAsync(string tokenId, AccountTokenPurpose purpose, DateTime now, CancellationToken ct)
    {
        const string sql = """
            SELECT EXISTS (
                SELECT 1 FROM account_tokens t JOIN users u ON u.id = t.user_id
                 WHERE t.id = @TokenId AND t.purpose = @Purpose AND t.used_at IS NULL AND t.expires_at > @Now
                   AND lower(u.email) = lower(t.email));
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { TokenId = tokenId, Purpose = PurposeName(purpose), Now = now }, cancellationToken: ct));
    }

    public async Task<long?> ResetPasswordAsync(string tokenId, string passwordHash, DateTime now, CancellationToken ct)
    {
        // The UPDATE of the token row is the single use: a second click finds used_at set and changes nothing.
        const string sql = """
            WITH used AS (
                UPDATE account_tokens t SET used_at = @Now FROM users u
                 WHERE t.id = @TokenId AND t.purpose = 'password_reset' AND t.used_at IS NULL AND t.expires_at > @Now
                   AND u.id = t.user_id AND lower(u.email) = lower(t.email)
             RETURNING t.user_id)
            UPDATE users SET password_hash = @PasswordHash, email_confirmed_at = coalesce(email_confirmed_at, @Now)
             WHERE id = (SELECT user_id FROM used)
            RETURNING id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql, new { TokenId = tokenId, PasswordHash = passwordHash, Now = now }, cancellationToken: ct));
    }

    public async Task<long?> ConfirmEmailAsync(string tokenId, DateTime now, CancellationToken ct)
    {
        const string sql = """
            WITH used AS (
                UPDATE account_tokens t SET used_at = @Now FROM users u
                 WHERE t.id = @TokenId AND t.purpose = 'email_confirmation' AND t.used_at IS NULL AND t.expires_at > @Now
                   AND u.id = t.user_id AND lower(u.email) = lower(t.email)
             RETURNING t.user_id)
            UPDATE users SET email_confirmed_at = coalesce(email_confirmed_at, @Now)
             WHERE id = (SELECT user_id FROM used)
            RETURNING id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql, new { TokenId = tokenId, Now = now }, cancellationToken: ct));
    }

    private static string PurposeName(AccountTokenPurpose purpose) => purpose switch
    {
        AccountTokenPurpose.PasswordReset => "password_reset",
        _ => "email_confirmation",
    };
}
