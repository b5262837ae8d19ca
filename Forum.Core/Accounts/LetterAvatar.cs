using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Forum.Core.Accounts;

/// <summary>
/// The avatar of a member who uploaded none: the first letter of the username in white on a colour derived from
/// the username (the same name always gets the same colour), dark enough for 4.5:1 contrast (WCAG AA).
/// </summary>
public static class LetterAvatar
{
    public const double MinimumContrast = 4.5;

    public static string LetterOf(string username)
    {
        var first = StringInfo.GetNextTextElementLength(username) is > 0 and var length ? username[..length] : "?";
        return first.ToUpperInvariant();
    }

    /// <summary>A hue from the name's hash, then the lightest shade of it that white text still reads on.</summary>
    public static string BackgroundOf(string username)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(username.ToLowerInvariant()));
        var hue = (hash[0] << 8 | hash[1]) % 360;
        for (var lightness = 0.50; lightness > 0.05; lightness -= 0.02)
        {
            var (r, g, b) = FromHsl(hue, 0.55, lightness);
            if (ContrastWithWhite(r, g, b) >= MinimumContrast) return $"#{r:x2}{g:x2}{b:x2}";
        }
        return "#333333";
    }

    public static string Svg(string username, int size)
    {
        var letter = System.Security.SecurityElement.Escape(LetterOf(username));
        return $"""<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 100 100"><rect width="100" height="100" fill="{BackgroundOf(username)}"/><text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="sans-serif" font-size="56" fill="#ffffff">{letter}</text></svg>""";
    }

    /// <summary>WCAG 2 contrast ratio of white against the colour.</summary>
    public static double ContrastWithWhite(int r, int g, int b) => 1.05 / (RelativeLuminance(r, g, b) + 0.05);

    public static double RelativeLuminance(int r, int g, int b)
    {
        static double Channel(int c)
        {
            var s = c / 255.0;
            return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(r) + 0.7152 * Channel(g) + 0.0722 * Channel(b);
    }

    private static (int R, int G, int B) FromHsl(double hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        var x = chroma * (1 - Math.Abs(hue / 60 % 2 - 1));
        var m = lightness - chroma / 2;
        var (r, g, b) = hue switch
        {
            < 60 => (chroma, x, 0.0),
            < 120 => (x, chroma, 0.0),
            < 180 => (0.0, chroma, x),
            < 240 => (0.0, x, chroma),
            < 300 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        return ((int)Math.Round((r + m) * 255), (int)Math.Round((g + m) * 255), (int)Math.Round((b + m) * 255));
    }
}
