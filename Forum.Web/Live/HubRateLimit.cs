using System.Threading.RateLimiting;
using Forum.Core;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Forum.Web.Live;

/// <summary>
/// A member may call hub methods a limited number of times per window across all their connections (guests per
/// connection); opening more tabs does not buy more calls. A misbehaving page gets an error instead of the server's attention.
/// </summary>
public sealed class HubRateLimit(IOptions<ForumOptions> options) : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> calls = PartitionedRateLimiter.Create<string, string>(caller =>
        RateLimitPartition.GetFixedWindowLimiter(caller, _ => RateLimits.Window(options.Value.RateLimits.HubCallsPerMember)));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocation.Context;
        var caller = context.UserIdentifier is { } userId ? "member:" + userId : "connection:" + context.ConnectionId;
        using (var lease = calls.AttemptAcquire(caller))
            if (!lease.IsAcquired) throw new HubException("Too many requests. Slow down.");
        return await next(invocation);
    }

    public void Dispose() => calls.Dispose();
}
