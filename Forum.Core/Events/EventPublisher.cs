using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Forum.Core.Events;

public interface IEventPublisher
{
    Task PublishAsync<TEvent>(TEvent e, CancellationToken ct);
}

/// <summary>
/// Calls every registered handler of an event in turn. A failing handler is logged and does not undo the
/// committed change nor stop the other handlers: delivery is retried by sweeps, not by the request.
/// </summary>
public sealed class EventPublisher(IServiceProvider services, ILogger<EventPublisher> log) : IEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent e, CancellationToken ct)
    {
        foreach (var handler in services.GetServices<IHandle<TEvent>>())
        {
            try
            {
                await handler.HandleAsync(e, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Handler {Handler} failed for {Event}", handler.GetType().Name, typeof(TEvent).Name);
            }
        }
    }
}
