using System.Collections.Concurrent;
using Forum.Core.Accounts;
using Forum.Core.Events;
using Forum.Web.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace Forum.Web.Live;

/// <summary>
/// The signed-in connections open on this instance, by the session they were opened with, so that ending a
/// session closes its WebSockets too: a connection authenticated once, at its start, and would otherwise keep
/// receiving pushes for as long as it stays open.
/// </summary>
/// <remarks>
/// The instance that ends a session closes its own connections at once (<see cref="CloseEndedSessions"/>); other
/// instances behind the Redis backplane find out within <see cref="LiveSessionSweep.Interval"/> by asking the
/// database which of their sessions are still live. The database is already shared by every instance, so no
/// second messaging channel is needed.
/// </remarks>
public sealed class LiveSessions
{
    private readonly ConcurrentDictionary<string, (HubCallerContext Context, long UserId, string SessionId)> open = new();

    public void Opened(HubCallerContext context)
    {
        if (context.User?.Viewer().UserId is { } userId && context.User.SessionId() is { } sessionId)
            open[context.ConnectionId] = (context, userId, sessionId);
    }

    public void Closed(string connectionId) => open.TryRemove(connectionId, out _);

    /// <summary>Closes the member's connections of <paramref name="sessionId"/>, or all of them when it is null.</summary>
    public void Close(long userId, string? sessionId)
    {
        foreach (var (_, connection) in open)
            if (connection.UserId == userId && (sessionId is null || connection.SessionId == sessionId))
                connection.Context.Abort();
    }

    public IReadOnlyCollection<string> SessionIds => open.Values.Select(c => c.SessionId).Distinct().ToList();

    /// <summary>Closes every connection whose session is not among <paramref name="live"/>.</summary>
    public void CloseAllBut(IReadOnlySet<string> live)
    {
        foreach (var (_, connection) in open)
            if (!live.Contains(connection.SessionId)) connection.Context.Abort();
    }
}

public sealed class CloseEndedSessions(LiveSessions connections) : IHandle<SessionsEnded>
{
    public Task HandleAsync(SessionsEnded e, CancellationToken ct)
    {
        connections.Close(e.UserId, e.SessionId);
        return Task.CompletedTask;
    }
}

/// <summary>Closes connections whose session another instance ended (see <see cref="LiveSessions"/>).</summary>
public sealed class LiveSessionSweep(LiveSessions connections, ISessionStore sessions, TimeProvider clock, ILogger<LiveSessionSweep> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stopping))
        {
            var ids = connections.SessionIds;
            if (ids.Count == 0) continue;
            try
            {
                connections.CloseAllBut((await sessions.LiveAmongAsync(ids, stopping)).ToHashSet());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is away: keep the connections, and look again at the next tick.
                log.LogWarning(e, "Could not check the sessions of open live connections");
            }
        }
    }
}
