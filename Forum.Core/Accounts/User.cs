namespace Forum.Core.Accounts;

public enum UserRole { Member, Moderator, Admin }

public sealed record User(
    long Id,
    string Username,
    string Email,
    string Name,
    string Bio,
    string Organization,
    string Location,
    string TimeZone,
    string Locale,
    UserRole Role,
    DateTime CreatedAt,
    DateTime? EmailConfirmedAt,
    string Theme,
    string? AvatarFile = null)
{
    public bool IsStaff => Role is UserRole.Moderator or UserRole.Admin;
}

/// <summary>Who is asking: every read that depends on permissions takes one.</summary>
public sealed record Viewer(long? UserId, UserRole Role)
{
    public static readonly Viewer Guest = new(null, UserRole.Member);
    public bool IsStaff => Role is UserRole.Moderator or UserRole.Admin;
    public bool IsAdmin => Role == UserRole.Admin;
    public bool IsSignedIn => UserId is not null;
}
