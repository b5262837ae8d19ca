using System.Globalization;
using Forum.Core.Accounts;

namespace Forum.Core.Moderation;

/// <summary>
/// Refusals shared by the moderation services. A form-wide refusal (field "") means "not allowed" and pages
/// answer 403; a refusal naming a field is bad input (422).
/// </summary>
public static class ModerationRules
{
    public static readonly FieldError StaffOnly = new("", "Only moderators can do that.");
    public static readonly FieldError TopicNotFound = new("", "This topic does not exist or you cannot see it.");
    public static readonly FieldError PostNotFound = new("", "This post does not exist or you cannot see it.");
    public const int ReasonMax = 500;

    public static bool IsNotFound(IReadOnlyList<FieldError> errors) =>
        errors.Any(e => e == TopicNotFound || e == PostNotFound);

    /// <summary>Dates in refusals are shown the same way in every language: 2025-03-01 14:00 UTC.</summary>
    public static string Moment(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static IEnumerable<FieldError> CheckReason(string reason)
    {
        if (reason.Length > ReasonMax) yield return new("Reason", "Reason must be at most {0} characters long.", ReasonMax);
    }

    public static Outcome<T>? RefuseUnlessStaff<T>(Viewer viewer) => viewer.IsStaff ? null : Outcome<T>.Refused(StaffOnly);
}
