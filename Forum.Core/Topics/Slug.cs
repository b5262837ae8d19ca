using System.Globalization;
using System.Text;

namespace Forum.Core.Topics;

public static class Slug
{
    /// <summary>"¿Quién organiza la reunión?" → "quien-organiza-la-reunion"; falls back to "topic".</summary>
    public static string For(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
            if (builder.Length >= 80) break;
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "topic" : slug;
    }
}
