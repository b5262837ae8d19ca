using System.Globalization;
using System.Security.Claims;
using Forum.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Forum.Web.Accounts;

/// <summary>What the sign-in cookie carries about a member, and how pages read it back.</summary>
public static class ForumClaims
{
    public const string Locale = "forum:locale";
    public const string TimeZone = "forum:tz";
    private const string CheckedAt = "forum:checked";

    public static ClaimsPrincipal PrincipalFor(User user, DateTime now) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, user.Username),
        new Claim(ClaimTypes.Role, user.Role.ToString()),
        new Claim(Locale, user.Locale),
        new Claim(TimeZone, user.TimeZone),
        new Claim(CheckedAt, now.Ticks.ToString(CultureInfo.InvariantCulture)),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static async Task SignInAsync(HttpContext http, User user)
    {
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PrincipalFor(user, DateTime.UtcNow),
            new AuthenticationProperties { IsPersistent = true });
        await MarkSeenAsync(http, user.Id, DateTime.UtcNow);
    }

    /// <summary>How precisely users.last_seen_at follows a member around: digests skip members seen during their window.</summary>
    public static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(5);

    private static Task MarkSeenAsync(HttpContext http, long userId, DateTime now) =>
        http.RequestServices.GetRequiredService<ILastSeenStore>().MarkSeenAsync(userId, now, SeenResolution, http.RequestAborted);

    public static Viewer Viewer(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && long.TryParse(id, CultureInfo.InvariantCulture, out var userId)
            ? new Viewer(userId, Enum.TryParse<UserRole>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : UserRole.Member)
            : Core.Accounts.Viewer.Guest;

    public static string? Username(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.Name);

    /// <summary>The member's zone, or UTC for guests and unknown ids.</summary>
    public static TimeZoneInfo TimeZoneInfo(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(TimeZone) is { } id && System.TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : System.TimeZoneInfo.Utc;

    /// <summary>
    /// Re-reads the member at most once a minute, so a role change, profile change or deleted account
    /// reaches an existing cookie quickly without a query on every request; and records that they are here.
    /// </summary>
    public static async Task RefreshAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.FindFirstValue(CheckedAt) is not { } ticks || !long.TryParse(ticks, CultureInfo.InvariantCulture, out var checkedAt)) return;
        var now = DateTime.UtcNow;
        if (now.Ticks - checkedAt < TimeSpan.TicksPerMinute) return;
        var users = context.HttpContext.RequestServices.GetRequiredService<IUserStore>();
        var user = principal.Viewer().UserId is { } id ? await users.FindByIdAsync(id, context.HttpContext.RequestAborted) : null;
        // A suspended member's existing cookie stops working at the next check, as logging in again would be refused.
        var penalties = context.HttpContext.RequestServices.GetRequiredService<Core.Moderation.PenaltyService>();
        if (user is null || await penalties.LoginRefusalAsync(user.Id, context.HttpContext.RequestAborted) is not null)
        {
            context.RejectPrincipal();
            return;
        }
        context.ReplacePrincipal(PrincipalFor(user, now));
        context.ShouldRenew = true;
        // Riding on this once-a-minute check keeps "last seen" off every other request's path.
        await MarkSeenAsync(context.HttpContext, user.Id, now);
    }
}
