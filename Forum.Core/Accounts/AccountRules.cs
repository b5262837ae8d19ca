using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Forum.Core.Accounts;

public static partial class AccountRules
{
    public const int UsernameMin = 3, UsernameMax = 20, PasswordMin = 10, PasswordMax = 200;
    public static readonly string[] Locales = ["en", "es"];

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex UsernameCharacters();

    public static IEnumerable<FieldError> CheckSignUp(string username, string email, string password)
    {
        if (username.Length is < UsernameMin or > UsernameMax)
            yield return new("Username", "Username must be {0} to {1} characters long.", UsernameMin, UsernameMax);
        else if (!UsernameCharacters().IsMatch(username))
            yield return new("Username", "Username may contain only letters, digits, underscore, dot and dash.");
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
        if (!IsTimeZone(p.TimeZone)) yield return new("TimeZone", "Unknown time zone.");
        if (!Locales.Contains(p.Locale)) yield return new("Locale", "Unknown language.");
    }

    public static bool IsTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    private static bool IsEmail(string email) =>
        email.Length <= 254 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.');
}
