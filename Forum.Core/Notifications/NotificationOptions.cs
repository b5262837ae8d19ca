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

    /// <summary>A member not seen for this long is away, and hears of mentions, quotes and replies by email.</summary>
    [Range(1, 10080)] public int AwayAfterMinutes { get; set; } = 10;

    /// <summary>How long the oldest waiting notification waits, so a burst of activity becomes one email.</summary>
    [Range(0, 1440)] public int EmailBatchMinutes { get; set; } = 10;

    /// <summary>Read notifications older than this are pruned by a daily job.</summary>
    [Range(1, 3650)] public int PruneReadAfterDays { get; set; } = 90;
}
