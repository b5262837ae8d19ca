using Forum.Core.Events;

namespace Forum.Core.Accounts;

/// <summary>What a live session tells each request about its member: enough for the cookie's claims and the suspension check.</summary>
public sealed record SessionMember(long UserId, string Username, UserRole Role, string Locale, string TimeZone, bool EmailConfirmed, DateTime? SuspendedUntil, string Theme);

public interface ISessionStore
{
    /// <summary>Records the sign-in and that the member is here now.</summary>
    Task StartAsync(string sessionId, long userId, string userAgent, DateTime now, CancellationToken ct);

    /// <summary>
    /// The session's member if the session is neither revoked nor idle since <paramref name="idleSince"/>; in the
    /// same statement, marks the session and the member seen unless they were within <paramref name="seenResolution"/>.
    /// </summary>
    Task<SessionMember?> CheckAsync(string sessionId, DateTime now, DateTime idleSince, TimeSpan seenResolution, CancellationToken ct);

    Task EndAsync(string sessionId, DateTime now, CancellationToken ct);

    /// <summary>Revokes every live session of the member; answers how many there were.</summary>
    Task<int> EndAllAsync(long userId, DateTime now, CancellationToken ct);

    /// <summary>Which of <paramref name="sessionIds"/> are still live.</summary>
    Task<IReadOnlyList<string>> LiveAmongAsync(IReadOnlyCollection<string> sessionIds, CancellationToken ct);
}

/// <summary>Sessions of a member ended: <see cref="SessionId"/> alone (logout), or all of them when it is null.</summary>
public sealed record SessionsEnded(long UserId, string? SessionId);

/// <summary>
/// Server-side sign-in sessions. The cookie holds a token whose hash names a row; ending the row ends the
/// cookie on the next request, wherever it was copied to, and open live connections are closed by the event.
/// </summary>
public sealed class SessionService(ISessionStore sessions, IEventPublisher events, TimeProvider clock)
{
    /// <summary>As long as the cookie: a session unused this long is over.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromDays(60);

    /// <summary>How precisely last-seen times follow a member around: digests skip members seen during their window.</summary>
    public static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(5);

    /// <summary>Starts a session and answers the token for the cookie; only its hash is stored.</summary>
    public async Task<string> StartAsync(long userId, string userAgent, CancellationToken ct)
    {
        var token = SecretTokens.New();
        await sessions.StartAsync(SecretTokens.IdOf(token), userId, userAgent.Length > 500 ? userAgent[..500] : userAgent, Now, ct);
        return token;
    }

    /// <summary>The member behind a cookie's token, or null when the session is over or the member is suspended.</summary>
    public async Task<SessionMember?> CheckAsync(string token, CancellationToken ct)
    {
        var now = Now;
        var member = await sessions.CheckAsync(SecretTokens.IdOf(token), now, now - IdleLifetime, SeenResolution, ct);
        return member is { SuspendedUntil: { } until } && until > now ? null : member;
    }

    public async Task EndAsync(long userId, string token, CancellationToken ct)
    {
        var id = SecretTokens.IdOf(token);
        await sessions.EndAsync(id, Now, ct);
        await events.PublishAsync(new SessionsEnded(userId, id), ct);
    }

    /// <summary>Ends every session of the member: password changed, "log out everywhere", suspension.</summary>
    public async Task EndAllAsync(long userId, CancellationToken ct)
    {
        await sessions.EndAllAsync(userId, Now, ct);
        await events.PublishAsync(new SessionsEnded(userId, null), ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
