namespace Forum.Core.Mail;

/// <summary>
/// A message ready to go out: HTML and plain-text parts of the same content, extra headers such as
/// List-Unsubscribe, and the Message-ID (without angle brackets) that makes a resent copy recognisable.
/// </summary>
public sealed record OutgoingMail(
    string To,
    string ToName,
    string Subject,
    string Html,
    string Text,
    string MessageId,
    IReadOnlyDictionary<string, string> Headers);

public interface IMailer
{
    /// <summary>Returns once the message is accepted (by the SMTP server, or written to the pickup folder); throws otherwise.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}
