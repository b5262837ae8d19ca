using Forum.Core;
using Forum.Core.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Forum.Web.Mail;

/// <summary>Turns an <see cref="OutgoingMail"/> into the MIME message both mailers send, from the configured sender.</summary>
public sealed class MimeBuilder(IOptions<SmtpOptions> smtp, IOptions<ForumOptions> forum)
{
    public MailboxAddress Sender => string.IsNullOrWhiteSpace(smtp.Value.From)
        ? new MailboxAddress(forum.Value.Title, "noreply@" + new Uri(forum.Value.BaseUrl).Host)
        : MailboxAddress.Parse(smtp.Value.From);

    public string UnsubscribeAddress => string.IsNullOrWhiteSpace(smtp.Value.UnsubscribeAddress) ? Sender.Address : smtp.Value.UnsubscribeAddress;

    /// <summary>The right-hand side of the forum's Message-IDs.</summary>
    public string MessageIdDomain => new Uri(forum.Value.BaseUrl).Host;

    public MimeMessage Build(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(Sender);
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        message.MessageId = mail.MessageId;
        foreach (var (name, value) in mail.Headers) message.Headers.Add(name, value);
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        return message;
    }
}
