using System.Collections.Concurrent;
using System.Net.Sockets;
using Forum.Core.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Forum.Web.Mail;

/// <summary>
/// Sends over SMTP with MailKit. Connections are kept for a short while and reused, so a run of digests does
/// not pay a handshake per message; a kept connection the server has closed meanwhile is replaced once.
/// </summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options, MimeBuilder mime, TimeProvider clock) : IMailer, IDisposable
{
    private static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);
    private readonly ConcurrentBag<(SmtpClient Client, DateTimeOffset IdleSince)> idle = [];

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        if (NeverMailed.Matches(mail.To)) return;
        var message = mime.Build(mail);
        while (true)
        {
            var (client, reused) = await RentAsync(ct);
            try
            {
                await client.SendAsync(message, ct);
                idle.Add((client, clock.GetUtcNow()));
                return;
            }
            catch (Exception e) when (reused && e is not OperationCanceledException)
            {
                client.Dispose();
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
    }

    private async Task<(SmtpClient Client, bool Reused)> RentAsync(CancellationToken ct)
    {
        while (idle.TryTake(out var kept))
        {
            if (kept.Client.IsConnected && clock.GetUtcNow() - kept.IdleSince < IdleLimit) return (kept.Client, true);
            kept.Client.Dispose();
        }
        var smtp = options.Value;
        var host = smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not configured.");
        var client = new SmtpClient();
        // MailKit leaves Nagle's algorithm on; SMTP's small command-and-reply exchanges then wait on delayed ACKs.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, smtp.Port, ct);
            await client.ConnectAsync(socket, host, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(smtp.Username)) await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
            return (client, false);
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        while (idle.TryTake(out var kept)) kept.Client.Dispose();
    }
}
