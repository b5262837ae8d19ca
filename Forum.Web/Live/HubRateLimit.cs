using Microsoft.AspNetCore.SignalR;

namespace Forum.Web.Live;

/// <summary>
/// Each connection may call hub methods a limited number of times per window; a misbehaving page gets an
/// error instead of the server's attention.
/// </summary>
public sealed class HubRateLimit(TimeProvider clock) : IHubFilter
{
    public const int CallsPerWindow = 30;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var items = invocation.Context.Items;
        var now = clock.GetUtcNow();
        var window = items.TryGetValue(nameof(HubRateLimit), out var stored) && stored is CallWindow w && now - w.Start < Window
            ? w
            : new CallWindow(now);
        window.Calls++;
        items[nameof(HubRateLimit)] = window;
        if (window.Calls > CallsPerWindow) throw new HubException("Too many requests. Slow down.");
        return await next(invocation);
    }

    private sealed class CallWindow(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;
        public int Calls { get; set; }
    }
}
