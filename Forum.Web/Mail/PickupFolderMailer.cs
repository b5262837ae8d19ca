using System.Text.RegularExpressions;
using Forum.Core;
using Forum.Core.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Forum.Web.Mail;

/// <summary>
/// The mailer when no SMTP server is configured: each message becomes an .eml file in the data folder's
/// mail/ folder, which admins read at /admin/mail.
/// </summary>
public sealed partial class PickupFolderMailer(IOptions<ForumOptions> forum, MimeBuilder mime, TimeProvider clock) : IMailer
{
    public string Folder => Path.Combine(Path.GetFullPath(forum.Value.DataDirectory), "mail");

    [GeneratedRegex("^[0-9]{8}-[0-9]{9}-[0-9a-f]{32}\\.eml$")]
    private static partial Regex FileName();

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        if (NeverMailed.Matches(mail.To)) return;
        // Mail carries reset links and private excerpts: the folder and every message are the forum's account's alone.
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, OwnerOnly | UnixFileMode.UserExecute);
            File.SetUnixFileMode(Folder, OwnerOnly | UnixFileMode.UserExecute);
            file.UnixCreateMode = OwnerOnly;
        }
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmssfff}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Folder, name);
        // Written aside and moved into place, so the admin page never reads half a message.
        await using (var stream = new FileStream(path + ".tmp", file))
        {
            await mime.Build(mail).WriteToAsync(stream, ct);
        }
        File.Move(path + ".tmp", path);
    }

    public sealed record Entry(string Name, DateTimeOffset Date, string To, string Subject);

    /// <summary>The newest messages first, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<Entry>> ListAsync(int take, CancellationToken ct)
    {
        if (!Directory.Exists(Folder)) return [];
        var entries = new List<Entry>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.eml").Where(p => FileName().IsMatch(Path.GetFileName(p)))
                     .OrderDescending(StringComparer.Ordinal).Take(take))
        {
            var message = await MimeMessage.LoadAsync(path, ct);
            entries.Add(new Entry(Path.GetFileName(path), message.Date, message.To.ToString(), message.Subject ?? ""));
        }
        return entries;
    }

    /// <summary>One message by file name; null for names that are not the folder's own.</summary>
    public async Task<MimeMessage?> ReadAsync(string name, CancellationToken ct)
    {
        if (!FileName().IsMatch(name)) return null;
        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? await MimeMessage.LoadAsync(path, ct) : null;
    }
}
