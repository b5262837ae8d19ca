using System.Security.Cryptography;
using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Core.Permissions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Forum.Core.Uploads;

/// <summary>
/// Stores an image a member sends: checks who may, the size, and that it is an image by decoding it (never by its
/// name or declared type), re-encodes it without metadata, and keeps one file and one row per distinct original.
/// </summary>
public sealed class UploadService(IUploadStore uploads, IImageProcessor images, IModerationStore moderation,
    IOptions<ForumOptions> options, TimeProvider clock, ILogger<UploadService> log)
{
    private UploadOptions Settings => options.Value.Uploads;

    public string Folder => Settings.FolderUnder(options.Value.DataDirectory);

    public static Refusal TooLarge(long maxBytes) =>
        Refusal.TooLarge("The image is larger than {0} MB, the most the forum accepts. Make it smaller and try again.",
            Math.Round(maxBytes / (1024.0 * 1024.0), 1));

    public async Task<Outcome<Upload>> UploadAsync(Viewer viewer, Stream content, long length, UploadPurpose purpose, CancellationToken ct)
    {
        var guardian = new Guardian(viewer);
        var now = clock.GetUtcNow().UtcDateTime;
        if (viewer.UserId is not { } userId) return Outcome<Upload>.Refused(guardian.CanUpload(null, now)!);
        if (guardian.CanUpload(await moderation.PenaltyAsync(userId, ct), now) is { } refused) return Outcome<Upload>.Refused(refused);
        if (length <= 0) return Outcome<Upload>.Refused(Refusal.Invalid("Choose an image to upload."));
        if (length > Settings.MaxBytes) return Outcome<Upload>.Refused(TooLarge(Settings.MaxBytes));

        var original = await ReadAtMostAsync(content, Settings.MaxBytes, ct);
        if (original is null) return Outcome<Upload>.Refused(TooLarge(Settings.MaxBytes));
        var originalSha = Convert.ToHexStringLower(SHA256.HashData(original));
        if (await uploads.FindAsync(originalSha, purpose, ct) is { } known) return Outcome<Upload>.Ok(known);

        var (image, problem) = images.Process(original, purpose, Settings);
        if (image is null)
            return Outcome<Upload>.Refused(problem is null
                ? Refusal.Invalid("That file is not an image the forum can read. Upload a JPEG, PNG, GIF or WebP image.")
                : Refusal.Invalid(problem.Message, problem.Args));

        var sha = Convert.ToHexStringLower(SHA256.HashData(image.Bytes));
        var stored = new Upload(0, sha, image.Extension, image.Width, image.Height, image.Thumbnail is not null);
        Directory.CreateDirectory(Folder);
        await WriteOnceAsync(Path.Combine(Folder, stored.FileName), image.Bytes, ct);
        if (image.Thumbnail is { } thumbnail) await WriteOnceAsync(Path.Combine(Folder, stored.ThumbnailFileName), thumbnail, ct);
        var saved = await uploads.AddAsync(new NewUpload(originalSha, purpose, sha, image.Extension, image.Width, image.Height,
            image.Bytes.Length, image.Thumbnail is not null, userId, now), ct);
        log.LogInformation("Stored upload {UploadId} ({Purpose}, {Width}x{Height}) for {UserId}", saved.Id, purpose, saved.Width, saved.Height, userId);
        return Outcome<Upload>.Ok(saved);
    }

    /// <summary>Stores the image as the member's avatar, shown from then on wherever their name is.</summary>
    public async Task<Outcome<Upload>> SetAvatarAsync(Viewer viewer, Stream content, long length, CancellationToken ct)
    {
        var outcome = await UploadAsync(viewer, content, length, UploadPurpose.Avatar, ct);
        if (outcome.Value is { } avatar) await uploads.SetAvatarAsync(viewer.UserId!.Value, avatar.FileName, ct);
        return outcome;
    }

    public async Task RemoveAvatarAsync(Viewer viewer, CancellationToken ct)
    {
        if (viewer.UserId is { } userId) await uploads.SetAvatarAsync(userId, null, ct);
    }

    // The declared length may lie (or be absent for a chunked body): read no more than the limit allows.
    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    // Files are named by their content's hash, so one already there holds these very bytes. Written beside and
    // moved into place, so a reader never gets half a file.
    private static async Task WriteOnceAsync(string path, byte[] bytes, CancellationToken ct)
    {
        if (File.Exists(path)) return;
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, ct);
        try { File.Move(temporary, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temporary); }
    }
}
