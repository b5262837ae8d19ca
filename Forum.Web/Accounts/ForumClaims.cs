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
    public const string Theme = "forum:theme";
    /// <summary>Present while the member's address is unconfirmed: the layout asks them to confirm it.</summary>
    public const string Unconfirmed = "forum:unconfirmed";
    /// <summary>The session's secret token; the server keeps only its hash (<see cref="SessionService"/>).</summary>
    private const string SessionTokenClaim = "forum:session";

    private static ClaimsPrincipal PrincipalFor(SessionMember member, string sessionToken)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, member.UserId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, member.Username),
            new(ClaimTypes.Role, member.Role.ToString()),
            new(Locale, member.Locale),
            new(TimeZone, member.TimeZone),
            new(Theme, member.Theme),
            new(SessionTokenClaim, sessionToken),
        ];
        if (!member.EmailConfirmed) claims.Add(new Claim(Unconfirmed, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>Starts a server-side session for the member and gives this browser its cookie.</summary>
    public static async Task SignInAsync(HttpContext http, User user)
    {
        var sessions = http.RequestServices.GetRequiredService<SessionService>();
        var token = await sessions.StartAsync(user.Id, http.Request.Headers.UserAgent.ToString(), http.RequestAborted);
        var member = new SessionMember(user.Id, user.Username, user.Role, user.Locale, user.TimeZone, user.EmailConfirmedAt is not null, null, user.Theme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PrincipalFor(member, token),
            new AuthenticationProperties { IsPersistent = true });
    }

    /// <summary>Ends this browser's session on the server, then drops its cookie.</summary>
    public static async Task SignOutAsync(HttpContext http)
    {
        if (http.User.Viewer().UserId is { } userId && http.User.SessionToken() is { } token)
            await http.RequestServices.GetRequiredService<SessionService>().EndAsync(userId, token, http.RequestAborted);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    public static Viewer Viewer(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && long.TryParse(id, CultureInfo.InvariantCulture, out var userId)
            ? new Viewer(userId, Enum.TryParse<UserRole>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : UserRole.Member)
            : Core.Accounts.Viewer.Guest;

    public static string? Username(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.Name);

    public static string? SessionToken(this ClaimsPrincipal principal) => principal.FindFirstValue(SessionTokenClaim);

    /// <summary>The session's id as stored (the hash of its token), or null for guests.</summary>
    public static string? SessionId(this ClaimsPrincipal principal) => principal.SessionToken() is { } token ? SecretTokens.IdOf(token) : null;

    public static bool IsEmailUnconfirmed(this ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == Unconfirmed);

    /// <summary>The member's colour scheme; guests follow their device, as <see cref="ColorTheme.System"/> does.</summary>
    public static ColorTheme ColorTheme(this ClaimsPrincipal principal) =>
        ColorThemes.TryParse(principal.FindFirstValue(Theme), out var theme) ? theme : Core.Accounts.ColorTheme.System;

    /// <summary>The member's zone, or UTC for guests and unknown ids.</summary>
    public static TimeZoneInfo TimeZoneInfo(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(TimeZone) is { } id && System.TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : System.TimeZoneInfo.Utc;

    /// <summary>
    /// Every request checks its session on the server (one statement by primary key, which also records that the
    /// member is here), so logout, a password change, "log out everywhere" and suspension end a copied cookie at once;
    /// a changed name, role, language, zone or confirmation reaches the cookie at the same moment.
    /// </summary>
    public static async Task RefreshAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var token = principal?.SessionToken();
        var member = token is null
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<SessionService>().CheckAsync(token, context.HttpContext.RequestAborted);
        if (principal is null || token is null || member is null || principal.Viewer().UserId != member.UserId)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var current = PrincipalFor(member, token);
        if (Describes(principal, current)) return;
        context.ReplacePrincipal(current);
        context.ShouldRenew = true;
    }

    private static bool Describes(ClaimsPrincipal cookie, ClaimsPrincipal current) =>
        cookie.Claims.Select(c => (c.Type, c.Value)).ToHashSet().SetEquals(current.Claims.Select(c => (c.Type, c.Value)));
}
