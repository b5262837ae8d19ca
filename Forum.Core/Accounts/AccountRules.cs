using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Forum.Core.Accounts;

public static partial class AccountRules
{
    public const int UsernameMin = 3, UsernameMax = 20, PasswordMin = 10, PasswordMax = 200;
    public static readonly string[] Locales = ["en", "es"];

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex UsernameCharacters();

    // Punctuation only between letters or digits, one at a time: "lucia.trama." and "a..b" are easy to misread.
    [GeneratedRegex("^[A-Za-z0-9]+([_.-][A-Za-z0-9]+)*$")]
    private static partial Regex UsernameShape();

    /// <summary>Names that would pass for the forum itself, its staff, or a group everyone is in.</summary>
    public static readonly string[] ReservedUsernames =
    [
        "admin", "administrator", "admins", "system", "staff", "moderator", "moderators", "mod", "mods", "support",
        "root", "ronda", "everyone", "here", "all", "null", "undefined", "anonymous", "guest", "guests", "nobody",
        "owner", "security", "help", "info", "noreply", "no-reply", "postmaster", "webmaster", "abuse", "forum",
        "official", "team", "bot", "api", "www", "mail", "login", "logout", "signup", "me", "my", "new", "latest",
    ];

    private static readonly HashSet<string> ReservedSkeletons = ReservedUsernames.Select(UsernameSkeleton.Of).ToHashSet();

    public static IEnumerable<FieldError> CheckSignUp(string username, string email, string password, UserRole role = UserRole.Member)
    {
        if (username.Length is < UsernameMin or > UsernameMax)
            yield return new("Username", "Username must be {0} to {1} characters long.", UsernameMin, UsernameMax);
        else if (!UsernameCharacters().IsMatch(username))
            yield return new("Username", "Username may contain only letters, digits, underscore, dot and dash.");
        else if (!UsernameShape().IsMatch(username))
            yield return new("Username", "Username must start and end with a letter or digit, with one underscore, dot or dash at a time between them.");
        // The forum's own administrator may call themselves "admin"; a member may not look like one.
        else if (role == UserRole.Member && ReservedSkeletons.Contains(UsernameSkeleton.Of(username)))
            yield return new("Username", "That username is reserved.");
        if (!IsEmail(email))
            yield return new("Email", "Enter a valid email address.");
        foreach (var error in CheckPassword(password)) yield return error;
    }

    public static IEnumerable<FieldError> CheckPassword(string password, string field = "Password")
    {
        if (password.Length is < PasswordMin or > PasswordMax)
            yield return new(field, "Password must be {0} to {1} characters long.", PasswordMin, PasswordMax);
    }

    public const string LinkUnusable = "This link has expired or was already used. Ask for a new one.";

    public static IEnumerable<FieldError> CheckProfile(ProfileUpdate p)
    {
        if (p.Name.Length > 100) yield return new("Name", "Name must be at most {0} characters long.", 100);
        if (p.Bio.Length > 3000) yield return new("Bio", "Bio must be at most {0} characters long.", 3000);
        if (p.Organization.Length > 100) yield return new("Organization", "Cooperative must be at most {0} characters long.", 100);
        if (p.Location.Length > 100) yield return new("Location", "Location must be at most {0} characters long.", 100);
        if (!Locales.Contains(p.Locale)) yield return new("Locale", "Unknown language.");
    }

    private static bool IsEmail(string email) =>
        email.Length <= 254 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.');
}
