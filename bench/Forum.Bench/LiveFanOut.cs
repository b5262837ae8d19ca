using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Forum.Bench;

public sealed record LiveFanOutResult(
    int Clients, int Replies, long Expected, long Delivered, double ConnectSeconds,
    IReadOnlyList<double> FromResponseMs, IReadOnlyList<double> FromRequestMs, IReadOnlyList<double> ReplyPostMs);

/// <summary>
/// N readers watch one topic over WebSockets, as open browser tabs do; a member posts replies through the
/// reply form, and each reader's PostCreated push is timed against the moment the POST was answered.
/// </summary>
public sealed class LiveFanOut(string baseUrl, long topicId, string topicPath, ForumSession member)
{
    private const int ConnectingAtOnce = 50;

    public async Task<LiveFanOutResult> RunAsync(int clients, int replies, TimeSpan interval, Action<string> progress, Func<Task> whileConnected, CancellationToken ct)
    {
        // arrivals[reply * clients + client]: Stopwatch ticks when that client heard of that reply; 0 = not yet.
        var arrivals = new long[(long)replies * clients];
        var firstNumber = 0;
        var connections = new HubConnection?[clients];
        try
        {
            var connecting = Stopwatch.StartNew();
            using (var gate = new SemaphoreSlim(ConnectingAtOnce))
            {
                await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
                {
                    await gate.WaitAsync(ct);
                    try
                    {
                        var connection = new HubConnectionBuilder()
                            .WithUrl(baseUrl + "/hubs/live", options =>
                            {
                                options.Transports = HttpTransportType.WebSockets;
                                options.SkipNegotiation = true;
                            })
                            .Build();
                        connection.On<long, int>("PostCreated", (topic, postNumber) =>
                        {
                            var reply = postNumber - Volatile.Read(ref firstNumber);
                            if (topic == topicId && reply >= 0 && reply < replies)
                                arrivals[(long)reply * clients + client] = Stopwatch.GetTimestamp();
                        });
                        connections[client] = connection;
                        await connection.StartAsync(ct);
                        var highest = await connection.InvokeAsync<int>("WatchTopic", topicId, ct);
                        Interlocked.CompareExchange(ref firstNumber, highest + 1, 0);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }
            var connectSeconds = connecting.Elapsed.TotalSeconds;
            progress($"{clients} clients watching topic {topicId} after {connectSeconds:F1} s");
            await whileConnected();

            var token = await member.TokenAsync(topicPath, ct);
            var sentAt = new long[replies];
            var answeredAt = new long[replies];
            using var pace = new PeriodicTimer(interval);
            for (var reply = 0; reply < replies; reply++)
            {
                await pace.WaitForNextTickAsync(ct);
                var fields = new Dictionary<string, string> { ["Input.Raw"] = $"Benchmark reply {reply + 1}: the fan-out should reach every reader quickly." };
                sentAt[reply] = Stopwatch.GetTimestamp();
                using var response = await member.PostAsync(token, topicPath + "?handler=Reply", fields, ct);
                answeredAt[reply] = Stopwatch.GetTimestamp();
                var location = ForumSession.RedirectTarget(response);
                if (!location.EndsWith($"#post-{firstNumber + reply}", StringComparison.Ordinal))
                    throw new InvalidOperationException($"Reply {reply + 1} was saved as {location}, expected post {firstNumber + reply}.");
            }

            // Every push should be in well before this; what is still missing then counts as lost.
            var deadline = Stopwatch.StartNew();
            while (arrivals.Any(a => a == 0) && deadline.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(50, ct);

            var fromResponse = new List<double>(arrivals.Length);
            var fromRequest = new List<double>(arrivals.Length);
            for (var reply = 0; reply < replies; reply++)
                for (var client = 0; client < clients; client++)
                {
                    var at = arrivals[(long)reply * clients + client];
                    if (at == 0) continue;
                    fromResponse.Add(Stopwatch.GetElapsedTime(answeredAt[reply], at).TotalMilliseconds);
                    fromRequest.Add(Stopwatch.GetElapsedTime(sentAt[reply], at).TotalMilliseconds);
                }
            var postMs = Enumerable.Range(0, replies).Select(r => Stopwatch.GetElapsedTime(sentAt[r], answeredAt[r]).TotalMilliseconds).ToList();
            return new LiveFanOutResult(clients, replies, arrivals.LongLength, fromResponse.Count, connectSeconds, fromResponse, fromRequest, postMs);
        }
        finally
        {
            await Task.WhenAll(connections.Where(c => c is not null).Select(c => c!.DisposeAsync().AsTask()));
        }
    }
}
