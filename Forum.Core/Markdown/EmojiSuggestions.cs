namespace Forum.Core.Markdown;

/// <summary>An emoji the cooker renders, by the shortcode that names it.</summary>
public sealed record EmojiSuggestion(string Name, string Emoji);

/// <summary>The composer's ":" suggestions, taken from the cooker's own shortcodes so every offer renders.</summary>
public static class EmojiSuggestions
{
    public const int Count = 8;

    /// <summary>Shortcodes that start with the term first, then those that contain it; each group alphabetical.</summary>
    public static IReadOnlyList<EmojiSuggestion> Find(string? term)
    {
        var wanted = (term ?? "").Trim().Trim(':').ToLowerInvariant();
        if (wanted.Length == 0) return [];
        return EmojiShortcodes.ByName
            .Where(pair => pair.Key.Contains(wanted, StringComparison.Ordinal))
            .OrderBy(pair => pair.Key.StartsWith(wanted, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(pair => pair.Key.Length).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(Count)
            .Select(pair => new EmojiSuggestion(pair.Key, pair.Value))
            .ToList();
    }
}
