namespace Forum.Core.Uploads;

/// <summary>What an image is stored for: a post's picture (scaled to the maximum width) or an avatar (square).</summary>
public enum UploadPurpose { Post, Avatar }

/// <summary>
/// An image re-encoded from what was sent: orientation applied, metadata (EXIF, GPS) dropped, scaled down.
/// <see cref="Extension"/> is "jpg" or "png"; <see cref="Thumbnail"/> is null when the image is no wider than one.
/// </summary>
public sealed record ProcessedImage(byte[] Bytes, string Extension, int Width, int Height, byte[]? Thumbnail);

/// <summary>Why an image could not be processed; null from <see cref="IImageProcessor"/> means it is not an image at all.</summary>
public sealed record ImageProblem(string Message, params object[] Args);

/// <summary>Decodes, checks and re-encodes images. Implemented in Forum.Web with the imaging library.</summary>
public interface IImageProcessor
{
    /// <summary>The re-encoded image, or the problem with it (not an image, too many pixels).</summary>
    (ProcessedImage? Image, ImageProblem? Problem) Process(byte[] original, UploadPurpose purpose, UploadOptions options);
}

/// <summary>A stored image: its file is <c>&lt;Sha256&gt;.&lt;Extension&gt;</c> in the uploads folder.</summary>
public sealed record Upload(long Id, string Sha256, string Extension, int Width, int Height, bool HasThumbnail)
{
    public const string UrlPrefix = "/uploads/";

    public string FileName => $"{Sha256}.{Extension}";
    public string ThumbnailFileName => $"{Sha256}.thumb.{Extension}";
    public string Url => UrlPrefix + FileName;
    public string ThumbnailUrl => UrlPrefix + (HasThumbnail ? ThumbnailFileName : FileName);

    /// <summary>The content type of a stored file, from its extension; the forum only ever writes these two.</summary>
    public static string? ContentTypeOf(string extension) => extension switch
    {
        "jpg" => "image/jpeg",
        "png" => "image/png",
        _ => null,
    };
}

public sealed record NewUpload(string OriginalSha256, UploadPurpose Purpose, string Sha256, string Extension, int Width, int Height,
    int ByteCount, bool HasThumbnail, long UserId, DateTime CreatedAt);

public interface IUploadStore
{
    Task<Upload?> FindAsync(string originalSha256, UploadPurpose purpose, CancellationToken ct);

    /// <summary>Adds the row, or returns the one a concurrent upload of the same original added first.</summary>
    Task<Upload> AddAsync(NewUpload upload, CancellationToken ct);

    /// <summary>Sets the member's avatar to a stored file, or back to the letter avatar with null.</summary>
    Task SetAvatarAsync(long userId, string? fileName, CancellationToken ct);
}
