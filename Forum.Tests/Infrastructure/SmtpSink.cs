using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Forum.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback, in this process (the SmtpServer package): the forum talks SMTP to it over a
/// socket exactly as to a relay, and every message is kept, parsed, before the server answers 250.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private readonly KeptMessages kept;

    private SmtpSink(SmtpServer.SmtpServer server, KeptMessages kept, int port)
    {
        this.server = server;
        this.kept = kept;
        Port = port;
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SmtpSink> StartAsync(int? port = null)
    {
        var chosen = port ?? FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, chosen)))
            .Build();
        var kept = new KeptMessages();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(kept);
        var sink = new SmtpSink(new SmtpServer.SmtpServer(options, services), kept, chosen);
        // Listening starts on a background task: wait until the port answers.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (sink.running.IsFaulted) await sink.running;
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, chosen);
                return sink;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Every message the server accepted so far, parsed, in the order they arrived.</summary>
    public IReadOnlyList<MimeMessage> Messages() => kept.Messages.ToList();

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        server.Shutdown();
        await stop.CancelAsync();
        try { await running; } catch (OperationCanceledException) { }
        stop.Dispose();
    }

    private sealed class KeptMessages : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
