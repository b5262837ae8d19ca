using System.Globalization;
using System.Text;

namespace Forum.Core.Accounts;

/// <summary>
/// What a username looks like, after the idea of Unicode's confusable skeletons (UTS #39): two names with the same
/// skeleton are easy to mistake for each other on screen (<c>arnara.baobab</c> and <c>amara.baobab</c>,
/// <c>I</c>, <c>l</c> and <c>1</c>, Latin <c>a</c> and Cyrillic <c>а</c>). A compact table of the look-alikes that
/// matter for names, not the whole Unicode data file. Stored per user (migration 0010), so one lookup answers.
/// </summary>
public static class UsernameSkeleton
{
    // Single characters to the one they pass for. Case is folded first, so only lower case is listed.
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['0'] = 'o', ['1'] = 'l', ['i'] = 'l', ['|'] = 'l', ['ı'] = 'l', ['ł'] = 'l',
        ['_'] = '.', ['-'] = '.', ['‐'] = '.', ['–'] = '.', ['—'] = '.', ['·'] = '.',
        // Cyrillic
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['һ'] = 'h', ['і'] = 'l', ['ї'] = 'l', ['ј'] = 'j', ['к'] = 'k',
        ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x',
        ['ѕ'] = 's', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ɡ'] = 'g',
        // Greek
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'l', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o',
        ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['ω'] = 'w', ['μ'] = 'u',
    };

    // Pairs that read as one letter; replaced after the single characters, so "c1" and "cl" both become "d".
    private static readonly (string Pair, string Looks)[] LookAlikePairs = [("rn", "m"), ("vv", "w"), ("cl", "d")];

    public static string Of(string username)
    {
        // Compatibility decomposition (NFKC's first half) folds full-width and styled letters and splits accents off.
        var folded = username.Normalize(NormalizationForm.FormKD).ToLowerInvariant();
        var text = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            // Accents and zero-width characters change nothing a reader notices at a glance.
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format) continue;
            text.Append(LookAlikes.GetValueOrDefault(c, c));
        }
        foreach (var (pair, looks) in LookAlikePairs) text.Replace(pair, looks);
        return text.ToString();
    }
}
