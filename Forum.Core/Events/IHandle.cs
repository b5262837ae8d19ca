namespace Forum.Core.Events;

/// <summary>Reacts to a domain event after the change that raised it has committed.</summary>
public interface IHandle<in TEvent>
{
    Task HandleAsync(TEvent e, CancellationToken ct);
}
