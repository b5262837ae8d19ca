using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Forum.Tests.Uploads;

/// <summary>Images made for the tests with the imaging library, and a camera's EXIF block (orientation, GPS) put into a JPEG.</summary>
internal static class TestImages
{
    public static byte[] Png(int width, int height, SKColor? color = null) => Encode(width, height, SKEncodedImageFormat.Png, color ?? SKColors.SeaGreen);

    public static byte[] Jpeg(int width, int height, SKColor? color = null) => Encode(width, height, SKEncodedImageFormat.Jpeg, color ?? SKColors.SteelBlue);

    /// <summary>A JPEG as a phone writes it: an APP1 EXIF segment with the orientation and a GPS latitude.</summary>
    public static byte[] JpegWithGps(int width, int height, ushort orientation = 1)
    {
        var jpeg = Jpeg(width, height);
        var exif = ExifSegment(orientation);
        // Right after the start-of-image marker, where cameras put it.
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(color);
            using var paint = new SKPaint { Color = SKColors.OrangeRed };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);   // so orientation can be seen in the pixels
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static byte[] ExifSegment(ushort orientation)
    {
        var tiff = new byte[92];
        void U16(int at, int value) => BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), (ushort)value);
        void U32(int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), value);
        void Entry(int at, int tag, int type, uint count, uint value) { U16(at, tag); U16(at + 2, type); U32(at + 4, count); U32(at + 8, value); }
        "II"u8.CopyTo(tiff); U16(2, 42); U32(4, 8);
        U16(8, 2);                                  // IFD0: orientation and the GPS IFD's offset
        Entry(10, 0x0112, 3, 1, orientation);
        Entry(22, 0x8825, 4, 1, 38);
        U32(34, 0);
        U16(38, 2);                                 // GPS IFD: latitude reference and latitude
        Entry(40, 0x0001, 2, 2, 'N');
        Entry(52, 0x0002, 5, 3, 68);
        U32(64, 0);
        uint[] latitude = [40, 1, 25, 1, 1234, 100];
        for (var i = 0; i < latitude.Length; i++) U32(68 + i * 4, latitude[i]);
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF; segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>The JPEG's marker segments before the image data (APP1 = 0xE1 holds EXIF).</summary>
    public static IReadOnlyList<byte> JpegMarkers(byte[] jpeg)
    {
        Assert.True(jpeg[0] == 0xFF && jpeg[1] == 0xD8, "not a JPEG");
        var markers = new List<byte>();
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            markers.Add(marker);
            if (marker == 0xDA) break;              // start of scan: the image data follows
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
        }
        return markers;
    }

    public static (int Width, int Height, SKEncodedOrigin Origin) Describe(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        Assert.NotNull(codec);
        return (codec.Info.Width, codec.Info.Height, codec.EncodedOrigin);
    }
}
