using System.Globalization;
using System.Text;

namespace Forum.Core.Topics;

public static class TopicRules
{
    public const int TitleMin = 15, TitleMax = 255, BodyMin = 20, BodyMax = 32_000, ReplyMin = 1;

    /// <summary>
    /// A title as lists and mails show it: one line, control characters and bidirectional overrides (which can
    /// make a title read backwards) gone, runs of spaces and line breaks collapsed to one space.
    /// </summary>
    public static string NormalizeTitle(string title)
    {
        var text = new StringBuilder(title.Length);
        var pendingSpace = false;
        foreach (var c in title.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = text.Length > 0;
                continue;
            }
            if (IsBidiControl(c)) continue;
            if (pendingSpace) text.Append(' ');
            pendingSpace = false;
            text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>Characters a reader sees: not spaces, not zero-width or formatting characters, not lone accents.</summary>
    public static int VisibleLength(string text)
    {
        var count = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (element.Any(c => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.SpaceSeparator or UnicodeCategory.Format
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Control)
                && !char.IsWhiteSpace(c)))
                count++;
        }
        return count;
    }

    /// <summary>Checks a title already passed through <see cref="NormalizeTitle"/>.</summary>
    public static IEnumerable<FieldError> CheckTitle(string title)
    {
        if (VisibleLength(title) < TitleMin || title.Length > TitleMax)
            yield return new("Title", "Title must be {0} to {1} characters long.", TitleMin, TitleMax);
    }

    public static IEnumerable<FieldError> CheckBody(string raw, int min)
    {
        if (raw.Length < min || raw.Length > BodyMax)
            yield return new("Raw", "Post must be {0} to {1} characters long.", min, BodyMax);
        // PostgreSQL text cannot hold NUL, and no keyboard types one.
        else if (raw.Contains('\0'))
            yield return new("Raw", "Post contains a NUL character, which cannot be saved. Remove it and try again.");
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
