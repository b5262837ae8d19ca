namespace Forum.Web.Uploads;

/// <summary>
/// What the _Avatar partial draws: the member's uploaded avatar, or their letter avatar. <see cref="Decorative"/>
/// when the name is written beside it (the image then says nothing more to a screen reader).
/// </summary>
public sealed record AvatarView(string Username, string? AvatarFile, int Size, bool Decorative = true)
{
    public string Url => AvatarFile is { } file
        ? Core.Uploads.Upload.UrlPrefix + file
        : $"/letter_avatar/{Uri.EscapeDataString(Username.ToLowerInvariant())}/{Size}.svg";
}
