using System.Text;
using Forum.Core.Markdown;
using Markdig;
using Markdig.Extensions.Emoji;

namespace Forum.Core.Digests;

/// <summary>The start of a post as plain text, for mail: Markdown syntax gone, whitespace collapsed, cut at a word.</summary>
public static class Excerpt
{
    // The forum's :shortcode: emoji, as posts show them; HTML in the raw text stays text, as when cooked.
    private static readonly MarkdownPipeline PlainText = new MarkdownPipelineBuilder()
        .UseEmojiAndSmiley(new EmojiMapping(EmojiShortcodes.ToMarkdigMapping(), new Dictionary<string, string>()))
        .DisableHtml()
        .Build();

    public static string FromMarkdown(string raw, int maxLength = 200)
    {
        var text = Markdig.Markdown.ToPlainText(raw, PlainText);
        var collapsed = new StringBuilder(Math.Min(text.Length, maxLength + 50));
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (collapsed.Length > 0) collapsed.Append(' ');
            collapsed.Append(part);
            if (collapsed.Length > maxLength) break;
        }
        if (collapsed.Length <= maxLength) return collapsed.ToString();
        var cut = collapsed.ToString(0, maxLength);
        var lastSpace = cut.LastIndexOf(' ');
        return (lastSpace > maxLength / 2 ? cut[..lastSpace] : cut).TrimEnd(',', '.', ';', ':') + "…";
    }
}
