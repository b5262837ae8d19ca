using System.Collections.Concurrent;

namespace Forum.Core.Digests;

/// <summary>
/// New topics and posts per category in a window, counted once and shared by every digest with the same
/// window: a run of thousands of digests in the same minute asks PostgreSQL once, not once per member.
/// </summary>
public sealed class DigestWindowActivity(IDigestStore digests)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(DateTime Since, DateTime Until), Lazy<Task<IReadOnlyDictionary<long, CategoryActivity>>>> windows = new();

    public async Task<IReadOnlyDictionary<long, CategoryActivity>> ForAsync(DateTime since, DateTime until)
    {
        foreach (var old in windows.Keys.Where(k => k.Until < until - KeptFor)) windows.TryRemove(old, out _);
        var key = (since, until);
        // Shared by every caller of the window, so no single caller's cancellation may abort it.
        var counting = windows.GetOrAdd(key, _ => new Lazy<Task<IReadOnlyDictionary<long, CategoryActivity>>>(async () =>
            (await digests.CategoryActivityAsync(since, until, CancellationToken.None)).ToDictionary(a => a.CategoryId)));
        try
        {
            return await counting.Value;
        }
        catch
        {
            windows.TryRemove(key, out _);
            throw;
        }
    }
}
