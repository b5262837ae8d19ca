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
}
