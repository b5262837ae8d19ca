using System.Diagnostics;

namespace Forum.Bench;

public sealed record PageThroughputResult(int Loops, double Seconds, long Requests, long Failures, double RequestsPerSecond, IReadOnlyList<double> LatencyMs, long PageBytes)
{
    public int PostsOnPage { get; init; }
}

/// <summary>
/// A fixed number of loops, each GETting the topic page as a guest and reading the whole body, for a fixed
/// time: the server's throughput for its most common page, bounded in both concurrency and duration.
/// </summary>
public static class PageThroughput
{
    public static async Task<PageThroughputResult> RunAsync(string pageUrl, int loops, TimeSpan duration, TimeSpan warmUp, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = loops, UseCookies = false, AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var page = await http.GetStringAsync(pageUrl, ct);
        var posts = page.Split("<article class=\"post").Length - 1;
        await LoopAsync(http, pageUrl, loops, warmUp, ct);
        return await LoopAsync(http, pageUrl, loops, duration, ct) with { PostsOnPage = posts };
    }

    private static async Task<PageThroughputResult> LoopAsync(HttpClient http, string pageUrl, int loops, TimeSpan duration, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long failures = 0, pageBytes = 0;
        var latencies = await Task.WhenAll(Enumerable.Range(0, loops).Select(async _ =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(pageUrl, ct);
                var body = await response.Content.ReadAsByteArrayAsync(ct);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Exchange(ref pageBytes, body.Length);
            }
            return mine;
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        return new PageThroughputResult(loops, seconds, all.Count, failures, all.Count / seconds, all, pageBytes);
    }
}
