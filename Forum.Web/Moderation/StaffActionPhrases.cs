using Forum.Core.Moderation;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Moderation;

/// <summary>What each staff log action says to a reader of /admin/logs, in their language; the codes stay in the data.</summary>
public static class StaffActionPhrases
{
    public static string Phrase(IStringLocalizer L, string action) => action switch
    {
        StaffActions.TopicClosed => L["Closed a topic"],
        StaffActions.TopicOpened => L["Opened a topic"],
        StaffActions.TopicArchived => L["Archived a topic"],
        StaffActions.TopicUnarchived => L["Unarchived a topic"],
        StaffActions.TopicUnlisted => L["Unlisted a topic"],
        StaffActions.TopicListed => L["Listed a topic again"],
        StaffActions.TopicPinned => L["Pinned a topic in its category"],
        StaffActions.TopicPinnedGlobally => L["Pinned a topic for everyone"],
        StaffActions.TopicUnpinned => L["Unpinned a topic"],
        StaffActions.TopicTimerSet => L["Set a topic timer"],
        StaffActions.TopicTimerCancelled => L["Cancelled a topic timer"],
        StaffActions.TopicClosedByTimer => L["Topic closed by its timer"],
        StaffActions.TopicOpenedByTimer => L["Topic opened by its timer"],
        StaffActions.TopicMoved => L["Moved a topic to another category"],
        StaffActions.TopicRenamed => L["Renamed a topic"],
        StaffActions.SlowModeSet => L["Changed a topic's slow mode"],
        StaffActions.TopicDeleted => L["Deleted a topic"],
        StaffActions.TopicRestored => L["Restored a topic"],
        StaffActions.PostsMerged => L["Moved posts into another topic"],
        StaffActions.PostsSplit => L["Split posts into a new topic"],
        StaffActions.PostEdited => L["Edited a post"],
        StaffActions.PostDeleted => L["Deleted a post"],
        StaffActions.PostRestored => L["Restored a post"],
        StaffActions.PostLocked => L["Locked a post"],
        StaffActions.PostUnlocked => L["Unlocked a post"],
        StaffActions.FlagAgreed => L["Agreed with a flag"],
        StaffActions.FlagDisagreed => L["Disagreed with a flag"],
        StaffActions.FlagIgnored => L["Ignored a flag"],
        StaffActions.UserSilenced => L["Silenced a member"],
        StaffActions.UserSuspended => L["Suspended a member"],
        StaffActions.UserUnsilenced => L["Lifted a silence"],
        StaffActions.UserUnsuspended => L["Lifted a suspension"],
        StaffActions.CategoryCreated => L["Created a category"],
        StaffActions.CategoryUpdated => L["Changed a category"],
        StaffActions.RoleChanged => L["Changed a member's role"],
        _ => action,
    };

    /// <summary>Who did it: the member, or the forum itself for what no member did (the demo content, setup).</summary>
    public static string Actor(IStringLocalizer L, StaffLogRow row) =>
        row.StaffUsername ?? (row.StaffId == StaffActions.ForumItself ? L["System"] : $"#{row.StaffId}");
}
