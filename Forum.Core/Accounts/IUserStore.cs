namespace Forum.Core.Accounts;

/// <summary>A member to create; <see cref="EmailConfirmedAt"/> is null until they click the link mailed at sign-up.</summary>
public sealed record NewUser(string Username, string Email, string PasswordHash, string TimeZone, string Locale, UserRole Role, DateTime CreatedAt, DateTime? EmailConfirmedAt)
{
    /// <summary>What the name looks like (<see cref="Accounts.UsernameSkeleton"/>); unique among users.</summary>
    public string UsernameSkeleton { get; init; } = Accounts.UsernameSkeleton.Of(Username);
}

public sealed record UserCredentials(long Id, string PasswordHash);

public sealed record ProfileUpdate(long UserId, string Name, string Bio, string Organization, string Location, string TimeZone, string Locale);

public enum CreateUserConflict { None, Username, Email, LookAlike }

public interface IUserStore
{
    /// <summary>Inserts the user; a taken username or email (ignoring case), or a name that looks like a taken one, comes back as the conflict.</summary>
    Task<(long? Id, CreateUserConflict Conflict)> CreateAsync(NewUser user, CancellationToken ct);

    /// <summary>By username or email, ignoring case.</summary>
    Task<UserCredentials?> FindCredentialsAsync(string login, CancellationToken ct);

    Task<User?> FindByIdAsync(long id, CancellationToken ct);

    Task<User?> FindByUsernameAsync(string username, CancellationToken ct);

    /// <summary>By email, ignoring case.</summary>
    Task<User?> FindByEmailAsync(string email, CancellationToken ct);

    Task<string?> PasswordHashAsync(long userId, CancellationToken ct);

    Task<bool> SetPasswordHashAsync(long userId, string passwordHash, CancellationToken ct);

    Task<bool> UpdateProfileAsync(ProfileUpdate update, CancellationToken ct);

    Task<bool> SetThemeAsync(long userId, ColorTheme theme, CancellationToken ct);

    Task<bool> SetRoleAsync(long userId, UserRole role, CancellationToken ct);

    Task<bool> AnyAdminAsync(CancellationToken ct);

    /// <summary>Admin list, alphabetical; small table use.</summary>
    Task<IReadOnlyList<User>> ListAsync(CancellationToken ct);
}
