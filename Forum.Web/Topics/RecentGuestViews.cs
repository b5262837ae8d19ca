using Microsoft.Extensions.Caching.Memory;

namespace Forum.Web.Topics;

/// <summary>
/// Guests already counted as viewers of a topic today, remembered in memory so their further page loads skip
/// the database write (the view is counted once per viewer and day anyway). Per instance and bounded: a miss
/// only costs the idempotent write it saves.
/// </summary>
public sealed class RecentGuestViews : IDisposable
{
    private readonly MemoryCache seen = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    public bool WasCounted(long topicId, string viewerKey, DateOnly day) => seen.TryGetValue((topicId, viewerKey, day), out _);

    public void Remember(long topicId, string viewerKey, DateOnly day) =>
        seen.Set((topicId, viewerKey, day), true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });

    public void Dispose() => seen.Dispose();
}
