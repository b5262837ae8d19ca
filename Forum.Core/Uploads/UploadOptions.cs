using System.ComponentModel.DataAnnotations;

namespace Forum.Core.Uploads;

/// <summary>The "Forum:Uploads" section: where images are kept and how large they may be.</summary>
public sealed class UploadOptions
{
    /// <summary>Where uploaded images are stored; empty: <c>&lt;DataDirectory&gt;/uploads</c>.</summary>
    public string Folder { get; set; } = "";

    /// <summary>The largest image file accepted, in bytes. The request guard lets a form this much larger through.</summary>
    [Range(1024, 64 * 1024 * 1024)] public long MaxBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Wider images are scaled down to this width, keeping their proportions.</summary>
    [Range(64, 8192)] public int MaxWidth { get; set; } = 1600;

    /// <summary>Width of the thumbnail kept beside images wider than it.</summary>
    [Range(32, 2048)] public int ThumbnailWidth { get; set; } = 400;

    /// <summary>Avatars are cropped square and scaled to this many pixels a side.</summary>
    [Range(32, 1024)] public int AvatarSize { get; set; } = 240;

    /// <summary>Images with more pixels than this are refused before they are decoded (a small file can claim a huge image).</summary>
    [Range(1_000_000, 200_000_000)] public long MaxPixels { get; set; } = 50_000_000;

    public string FolderUnder(string dataDirectory) =>
        Path.GetFullPath(Folder.Length > 0 ? Folder : Path.Combine(dataDirectory, "uploads"));
}
