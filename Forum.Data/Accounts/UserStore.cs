using Dapper;
using Forum.Core.Accounts;
using Npgsql;

namespace Forum.Data.Accounts;

public sealed class UserStore(NpgsqlDataSource db) : IUserStore
{
    private const string UserColumns = """
        id, username, email, name, bio, organization, location, time_zone, locale, role, created_at, email_confirmed_at, theme, avatar_file
        """;

    public async Task<(long? Id, CreateUserConflict Conflict)> CreateAsync(NewUser user, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO users (username, username_skeleton, email, password_hash, time_zone, locale, role, created_at, email_confirmed_at)
            VALUES (@Username, @UsernameSkeleton, @Email, @PasswordHash, @TimeZone, @Locale, @Role, @CreatedAt, @EmailConfirmedAt)
            RETURNING id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        try
        {
            var id = await conn.ExecuteScalarAsync<long>(new CommandDefinition(sql,
                new { user.Username, user.UsernameSkeleton, user.Email, user.PasswordHash, user.TimeZone, user.Locale, Role = RoleName(user.Role), user.CreatedAt, user.EmailConfirmedAt },
                cancellationToken: ct));
            return (id, CreateUserConflict.None);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return (null, e.ConstraintName switch
            {
                "users_email_lower" => CreateUserConflict.Email,
                "users_username_skeleton" => CreateUserConflict.LookAlike,
                _ => CreateUserConflict.Username,
            });
        }
    }

    public async Task<UserCredentials?> FindCredentialsAsync(string login, CancellationToken ct)
    {
        const string sql = """
            SELECT id, password_hash FROM users
             WHERE lower(username) = lower(@Login) OR lower(email) = lower(@Login)
             LIMIT 1;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<UserCredentials>(new CommandDefinition(sql, new { Login = login }, cancellationToken: ct));
    }

    public async Task<User?> FindByIdAsync(long id, CancellationToken ct)
    {
        const string sql = $"SELECT {UserColumns} FROM users WHERE id = @Id;";
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(sql, new { Id = id }, cancellationToken: ct));
        return row?.ToUser();
    }

    public async Task<User?> FindByUsernameAsync(string username, CancellationToken ct)
    {
        const string sql = $"SELECT {UserColumns} FROM users WHERE lower(username) = lower(@Username);";
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(sql, new { Username = username }, cancellationToken: ct));
        return row?.ToUser();
    }

    public async Task<User?> FindByEmailAsync(string email, CancellationToken ct)
    {
        const string sql = $"SELECT {UserColumns} FROM users WHERE lower(email) = lower(@Email);";
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(sql, new { Email = email }, cancellationToken: ct));
        return row?.ToUser();
    }

    public async Task<string?> PasswordHashAsync(long userId, CancellationToken ct)
    {
        const string sql = "SELECT password_hash FROM users WHERE id = @UserId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new { UserId = userId }, cancellationToken: ct));
    }

    public async Task<bool> SetPasswordHashAsync(long userId, string passwordHash, CancellationToken ct)
    {
        const string sql = "UPDATE users SET password_hash = @PasswordHash WHERE id = @UserId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, new { UserId = userId, PasswordHash = passwordHash }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> UpdateProfileAsync(ProfileUpdate update, CancellationToken ct)
    {
        const string sql = """
            UPDATE users SET name = @Name, bio = @Bio, organization = @Organization, location = @Location,
                   time_zone = @TimeZone, locale = @Locale
             WHERE id = @UserId;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, update, cancellationToken: ct)) == 1;
    }

    public async Task<bool> SetThemeAsync(long userId, ColorTheme theme, CancellationToken ct)
    {
        const string sql = "UPDATE users SET theme = @Theme WHERE id = @UserId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, new { UserId = userId, Theme = ColorThemes.NameOf(theme) }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> SetRoleAsync(long userId, UserRole role, CancellationToken ct)
    {
        const string sql = "UPDATE users SET role = @Role WHERE id = @UserId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, new { UserId = userId, Role = RoleName(role) }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> AnyAdminAsync(CancellationToken ct)
    {
        const string sql = "SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin');";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(sql, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken ct)
    {
        const string sql = $"SELECT {UserColumns} FROM users ORDER BY lower(username);";
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<UserRow>(new CommandDefinition(sql, cancellationToken: ct));
        return rows.Select(r => r.ToUser()).ToList();
    }

    internal static string RoleName(UserRole role) => role.ToString().ToLowerInvariant();

    internal static UserRole ParseRole(string role) => Enum.Parse<UserRole>(role, ignoreCase: true);

    private sealed record UserRow(long Id, string Username, string Email, string Name, string Bio, string Organization,
        string Location, string TimeZone, string Locale, string Role, DateTime CreatedAt, DateTime? EmailConfirmedAt, string Theme, string? AvatarFile)
    {
        public User ToUser() => new(Id, Username, Email, Name, Bio, Organization, Location, TimeZone, Locale, ParseRole(Role), CreatedAt, EmailConfirmedAt, Theme, AvatarFile);
    }
}
