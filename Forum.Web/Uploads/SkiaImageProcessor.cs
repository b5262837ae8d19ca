using Forum.Core.Uploads;
using SkiaSharp;

namespace Forum.Web.Uploads;

/// <summary>
/// Images through SkiaSharp (Google's Skia; see README, Uploads): decoding is the type check, the EXIF orientation
/// is applied to the pixels, and the result is encoded anew from pixels alone, so no EXIF, GPS or other metadata
/// of the original survives. JPEGs stay JPEG; everything else becomes PNG, which keeps transparency.
/// </summary>
public sealed class SkiaImageProcessor : IImageProcessor
{
    private const int JpegQuality = 85;
    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public (ProcessedImage? Image, ImageProblem? Problem) Process(byte[] original, UploadPurpose purpose, UploadOptions options)
    {
        using var data = SKData.CreateCopy(original);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0) return (null, null);
        if ((long)codec.Info.Width * codec.Info.Height > options.MaxPixels)
            return (null, new ImageProblem("The image has more than {0} million pixels. Make it smaller and try again.", options.MaxPixels / 1_000_000));
        var isJpeg = codec.EncodedFormat == SKEncodedImageFormat.Jpeg;
        using var decoded = SKBitmap.Decode(codec, codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(isJpeg ? SKAlphaType.Opaque : SKAlphaType.Premul));
        if (decoded is null) return (null, null);
        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);

        var format = isJpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
        var extension = isJpeg ? "jpg" : "png";
        if (purpose == UploadPurpose.Avatar)
        {
            var side = Math.Min(image.Width, image.Height);
            var crop = SKRectI.Create((image.Width - side) / 2, (image.Height - side) / 2, side, side);
            var size = Math.Min(side, options.AvatarSize);
            return (new ProcessedImage(Render(image, crop, size, size, format), extension, size, size, null), null);
        }
        var whole = SKRectI.Create(0, 0, image.Width, image.Height);
        var (width, height) = FitWidth(image.Width, image.Height, options.MaxWidth);
        var bytes = Render(image, whole, width, height, format);
        byte[]? thumbnail = null;
        if (width > options.ThumbnailWidth)
        {
            var (thumbWidth, thumbHeight) = FitWidth(image.Width, image.Height, options.ThumbnailWidth);
            thumbnail = Render(image, whole, thumbWidth, thumbHeight, format);
        }
        return (new ProcessedImage(bytes, extension, width, height, thumbnail), null);
    }

    private static (int Width, int Height) FitWidth(int width, int height, int maxWidth) =>
        width <= maxWidth ? (width, height) : (maxWidth, Math.Max(1, (int)Math.Round(height * (double)maxWidth / width)));

    private static byte[] Render(SKImage image, SKRectI source, int width, int height, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(format == SKEncodedImageFormat.Jpeg ? SKColors.White : SKColors.Transparent);
        surface.Canvas.DrawImage(image, source, SKRect.Create(width, height), Smooth);
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(format, JpegQuality);
        return encoded.ToArray();
    }

    /// <summary>Turns the pixels as the EXIF orientation says, so the image shows upright without its metadata.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        // Each maps a source pixel (x, y) to where it belongs in the upright image.
        SKMatrix? transform = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        var upright = new SKBitmap(swaps ? source.Height : source.Width, swaps ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(upright);
        if (transform is { } matrix) canvas.SetMatrix(matrix);
        using var pixels = SKImage.FromBitmap(source);
        canvas.DrawImage(pixels, 0, 0, SKSamplingOptions.Default);
        return upright;
    }
}
