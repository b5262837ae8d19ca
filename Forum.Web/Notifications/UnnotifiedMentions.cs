using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Forum.Web.Notifications;

/// <summary>
/// Carries the names a post mentioned beyond the limit across the redirect after saving, so the topic page can
/// tell the author who was not notified.
/// </summary>
public static class UnnotifiedMentions
{
    private const string Key = "UnnotifiedMentions";

    public static void Remember(ITempDataDictionary tempData, IReadOnlyList<string> names)
    {
        if (names.Count > 0) tempData[Key] = string.Join(", ", names.Select(n => "@" + n));
    }

    public static string? Take(ITempDataDictionary tempData) => tempData[Key] as string;
}
