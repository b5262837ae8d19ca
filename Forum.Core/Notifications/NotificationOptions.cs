using System.ComponentModel.DataAnnotations;

namespace Forum.Core.Notifications;

/// <summary>The "Forum:Notifications" configuration section; the defaults are Discourse's.</summary>
public sealed class NotificationOptions
{
    /// <summary>Mentions beyond this many in one post are shown but notify nobody.</summary>
    [Range(0, 100)] public int MaxMentionsPerPost { get; set; } = 10;

    /// <summary>The same limit for accounts younger than <see cref="NewAccountDays"/>, which spammers use.</summary>
    [Range(0, 100)] public int NewAccountMaxMentionsPerPost { get; set; } = 2;

    [Range(0, 365)] public int NewAccountDays { get; set; } = 1;

    /// <summary>Read notifications older than this are pruned by a daily job.</summary>
    [Range(1, 3650)] public int PruneReadAfterDays { get; set; } = 90;
}
