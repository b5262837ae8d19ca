using Forum.Core.Accounts;
using Forum.Core.Posts;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Accounts;

/// <summary>/u/{username}: who a member is, and what they wrote lately that the reader may see.</summary>
public sealed class ProfileModel(IUserStore users, IPostStore posts) : ForumPageModel
{
    private const int RecentPostCount = 20;

    public User Member { get; private set; } = null!;
    public IReadOnlyList<UserPostSummary> RecentPosts { get; private set; } = [];
    public bool IsOwnProfile => Viewer.UserId == Member.Id;

    public async Task<IActionResult> OnGetAsync(string username, CancellationToken ct)
    {
        var found = await users.FindByUsernameAsync(username, ct);
        if (found is null) return NotFound();
        Member = found;
        RecentPosts = await posts.RecentByUserAsync(found.Id, Viewer, RecentPostCount, ct);
        return Page();
    }

    /// <summary>The day the member joined, as a date in the reader's zone.</summary>
    public string MemberSince()
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(Member.CreatedAt, DateTimeKind.Utc), User.TimeZoneInfo());
        return local.ToString("D", System.Globalization.CultureInfo.CurrentCulture);
    }
}
