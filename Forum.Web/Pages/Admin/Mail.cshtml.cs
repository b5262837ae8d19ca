using Forum.Web.Infrastructure;
using Forum.Web.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Forum.Web.Pages.Admin;

/// <summary>/admin/mail[/{name}]: the mail the forum wrote to its pickup folder, for a forum without SMTP settings.</summary>
public sealed class MailModel(PickupFolderMailer pickup, IOptions<SmtpOptions> smtp) : ForumPageModel
{
    private const int Shown = 200;

    public bool SendsOverSmtp => !string.IsNullOrWhiteSpace(smtp.Value.Host);

    public string Folder => pickup.Folder;

    public IReadOnlyList<PickupFolderMailer.Entry> Messages { get; private set; } = [];

    public MimeMessage? Message { get; private set; }

    public string? Name { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken ct)
    {
        if (name is null)
        {
            Messages = await pickup.ListAsync(Shown, ct);
            return Page();
        }
        Message = await pickup.ReadAsync(name, ct);
        Name = name;
        return Message is null ? NotFound() : Page();
    }

    // Without an SMTP server this viewer is the only way to see a message as its reader would, inline styles
    // included; so it gets its own policy, which the site's (no inline styles) would forbid inside a srcdoc frame.
    // The CSP sandbox gives it an opaque origin and no script, even if opened outside the frame.
    private const string FramedMailPolicy =
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src * data:; frame-ancestors 'self'";

    /// <summary>/admin/mail/{name}?handler=html: the message's HTML part, shown in the page's sandboxed frame.</summary>
    public async Task<IActionResult> OnGetHtmlAsync(string? name, CancellationToken ct)
    {
        if (name is null || await pickup.ReadAsync(name, ct) is not { HtmlBody: { } html }) return NotFound();
        Response.Headers.ContentSecurityPolicy = FramedMailPolicy;
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(html, "text/html; charset=utf-8");
    }
}
