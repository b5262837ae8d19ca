using System.Globalization;
using Forum.Core.Accounts;
using Forum.Core.Permissions;

namespace Forum.Core.Moderation;

/// <summary>Rules shared by the moderation services; who may moderate at all is the Guardian's.</summary>
public static class ModerationRules
{
    public const int ReasonMax = 500;

    /// <summary>Dates in refusals are shown the same way in every language: 2025-03-01 14:00 UTC.</summary>
    public static string Moment(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static IEnumerable<FieldError> CheckReason(string reason)
    {
        if (reason.Length > ReasonMax) yield return new("Reason", "Reason must be at most {0} characters long.", ReasonMax);
    }

    public static Outcome<T>? RefuseUnlessStaff<T>(Viewer viewer) =>
        new Guardian(viewer).CanModerate() is { } refused ? Outcome<T>.Refused(refused) : null;
}
