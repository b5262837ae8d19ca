using System.Threading.Channels;
using Forum.Core.Events;

namespace Forum.Web.Live;

/// <summary>
/// Runs live pushes apart from the request that raised them, one at a time in the order raised, so
/// the author's reply does not wait for a fan-out to a thousand readers and readers still see events in order.
/// A push lost at shutdown costs nothing durable: clients catch up from the database when they reconnect.
/// </summary>
public sealed class LivePushQueue(IServiceScopeFactory scopes, ILogger<LivePushQueue> log) : BackgroundService
{
    private readonly Channel<Func<IServiceProvider, Task>> pending =
        Channel.CreateBounded<Func<IServiceProvider, Task>>(new BoundedChannelOptions(10_000) { SingleReader = true });

    public ValueTask EnqueueAsync(Func<IServiceProvider, Task> push, CancellationToken ct) => pending.Writer.WriteAsync(push, ct);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        await foreach (var push in pending.Reader.ReadAllAsync(stopping))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await push(scope.ServiceProvider);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "A live push failed");
            }
        }
    }
}

/// <summary>Hands an event to <typeparamref name="THandler"/> on the push queue instead of in the request.</summary>
public sealed class QueuedPush<TEvent, THandler>(LivePushQueue queue) : IHandle<TEvent> where THandler : IHandle<TEvent>
{
    public Task HandleAsync(TEvent e, CancellationToken ct) =>
        queue.EnqueueAsync(sp => sp.GetRequiredService<THandler>().HandleAsync(e, CancellationToken.None), ct).AsTask();
}
