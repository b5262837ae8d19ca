using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Core.Posts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Accounts;

/// <summary>
/// /u/{username}/card: the small card a poster's name opens (an HTML fragment that navigation.js places in a
/// popover): who they are, their local time, and where they posted lately that the reader may see.
/// </summary>
public sealed class CardModel(IUserStore users, IPostStore posts, IModerationStore moderation, TimeProvider clock) : ForumPageModel
{
    private const int RecentTopicCount = 3;

    public User Member { get; private set; } = null!;
    public IReadOnlyList<UserTopicActivity> RecentTopics { get; private set; } = [];
    public bool IsStaffViewer => Viewer.IsStaff;

    /// <summary>For staff: until when the member is suspended, if they are.</summary>
    public DateTime? SuspendedUntil { get; private set; }

    public async Task<IActionResult> OnGetAsync(string username, CancellationToken ct)
    {
        var found = await users.FindByUsernameAsync(username, ct);
        if (found is null) return NotFound();
        Member = found;
        RecentTopics = await posts.RecentTopicsByUserAsync(found.Id, Viewer, RecentTopicCount, ct);
        if (Viewer.IsStaff && await moderation.PenaltyAsync(found.Id, ct) is { } penalty && penalty.IsSuspendedAt(clock.GetUtcNow().UtcDateTime))
            SuspendedUntil = penalty.SuspendedUntil;
        return Page();
    }

    /// <summary>The member's wall-clock time now, as "12:30", in the reader's culture; null for an unknown zone.</summary>
    public string? LocalTime()
    {
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(Member.TimeZone);
            return TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone).ToString("t", System.Globalization.CultureInfo.CurrentCulture);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
