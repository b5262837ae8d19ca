namespace Forum.Web.Mail;

/// <summary>The "Smtp" configuration section. Without a Host, mail goes to the pickup folder instead.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Require STARTTLS; off, the connection stays plain (a relay on the same host or network).</summary>
    public bool UseStartTls { get; set; }

    /// <summary>Sender, e.g. "Ronda &lt;forum@example.org&gt;". Empty: the forum's title at noreply@ the base URL's host.</summary>
    public string? From { get; set; }

    /// <summary>Where the List-Unsubscribe mailto points. Empty: the From address.</summary>
    public string? UnsubscribeAddress { get; set; }
}
