using System.Threading.Channels;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Forum.Tests.Infrastructure;

/// <summary>
/// A SignalR client as a browser would hold it: signed in with the forum's cookie (or a guest), every push
/// it receives recorded in order so tests can wait for the one they expect.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Channel<string> received = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        Record<long, int>("PostCreated");
        Record<long, int>("PostChanged");
        Record<long>("TopicChanged");
        Record<long, string>("Composing");
        Record<long, string>("StoppedComposing");
        Record<long, long, long?>("TopicListChanged");
        Record<long, int, string>("PostLiked");
        Record<int>("NotificationCountChanged");
    }

    public HubConnection Connection { get; }

    public static async Task<LiveClient> ConnectAsync(WebApplicationFactory<Program> app, string? username = null) =>
        await ConnectWithCookieAsync(app, username is null ? null : await SignInCookieAsync(app, username));

    /// <summary>Connects with a given auth cookie ("ronda=…"), e.g. one copied from a browser's session.</summary>
    public static async Task<LiveClient> ConnectWithCookieAsync(WebApplicationFactory<Program> app, string? cookie)
    {
        var server = app.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/live"), options =>
            {
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (cookie is not null) options.Headers["Cookie"] = cookie;
                options.WebSocketFactory = async (context, ct) =>
                {
                    var sockets = server.CreateWebSocketClient();
                    if (cookie is not null) sockets.ConfigureRequest = request => request.Headers["Cookie"] = cookie;
                    return await sockets.ConnectAsync(context.Uri, ct);
                };
            })
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>Logs in through the real login page and returns the auth cookie a browser would send.</summary>
    public static async Task<string> SignInCookieAsync(WebApplicationFactory<Program> app, string username)
    {
        using var session = new WebSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));
        var login = await session.Client.GetAsync("/login");
        var antiforgeryCookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var page = await WebSession.Page.ReadAsync(login);
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Login"] = username, ["Input.Password"] = ForumApp.PasswordOf(username),
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var answer = await session.Client.SendAsync(post);
        return answer.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("ronda=", StringComparison.Ordinal));
    }

    private void Record<T1>(string method) =>
        Connection.On<T1>(method, a => received.Writer.TryWrite($"{method}({a})"));

    private void Record<T1, T2>(string method) =>
        Connection.On<T1, T2>(method, (a, b) => received.Writer.TryWrite($"{method}({a},{b})"));

    private void Record<T1, T2, T3>(string method) =>
        Connection.On<T1, T2, T3>(method, (a, b, c) => received.Writer.TryWrite($"{method}({a},{b},{c})"));

    /// <summary>Waits for the push <paramref name="expected"/> (e.g. "PostCreated(5,2)"), skipping others; fails after a few seconds.</summary>
    public async Task ExpectAsync(string expected, int seconds = 5)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var push = await received.Reader.ReadAsync(timeout.Token);
                if (push == expected) return;
                seen.Add(push);
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No {expected} within {seconds}s; received: {string.Join(", ", seen)}");
        }
    }

    /// <summary>
    /// Asserts that nothing starting with any of <paramref name="unexpected"/> arrived before <paramref name="marker"/>,
    /// a push the test causes afterwards: pushes are ordered, so the marker proves the wait was long enough.
    /// </summary>
    public async Task ExpectNoneBeforeAsync(string marker, params string[] unexpected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var push = await received.Reader.ReadAsync(timeout.Token);
                Assert.False(unexpected.Any(u => push.StartsWith(u, StringComparison.Ordinal)), $"Received {push}, which this client must not get.");
                if (push == marker) return;
                seen.Add(push);
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The marker {marker} never arrived; received: {string.Join(", ", seen)}");
        }
    }

    /// <summary>Every push that arrived before <paramref name="marker"/>, in order; fails if the marker never comes.</summary>
    public async Task<IReadOnlyList<string>> ReceivedBeforeAsync(string marker, int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var seen = new List<string>();
        try
        {
            while (await received.Reader.ReadAsync(timeout.Token) is var push && push != marker) seen.Add(push);
            return seen;
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The marker {marker} never arrived; received: {string.Join(", ", seen)}");
            throw;
        }
    }

    /// <summary>Waits for the server to close the connection; fails after a few seconds.</summary>
    public async Task ExpectClosedAsync(int seconds = 5)
    {
        var finished = await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        Assert.True(finished == closed.Task, $"The live connection was still open after {seconds}s (state {Connection.State}).");
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
