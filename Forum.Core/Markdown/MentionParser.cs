using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Forum.Core.Markdown;

/// <summary>
/// Reads <c>@name</c> as a <see cref="MentionInline"/>. Code spans and code blocks never reach inline parsers, so
/// <c>`@bob`</c> stays code; the preceding character must not continue a word, so <c>ann@example.org</c> stays text.
/// A trailing dot ends a sentence, not the name (names may contain dots inside).
/// </summary>
internal sealed class MentionParser : InlineParser
{
    public MentionParser() => OpeningCharacters = ['@'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (!IsBoundary(slice.PeekCharExtra(-1))) return false;
        var length = 0;
        while (IsNameCharacter(slice.PeekChar(length + 1))) length++;
        while (length > 0 && slice.PeekChar(length) == '.') length--;
        if (length == 0) return false;

        var start = slice.Start;
        var name = slice.Text.Substring(start + 1, length);
        var position = processor.GetSourcePosition(start, out var line, out var column);
        processor.Inline = new MentionInline
        {
            Name = name,
            Span = new SourceSpan(position, position + length),
            Line = line,
            Column = column,
        };
        slice.Start = start + length + 1;
        return true;
    }

    public static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    // Start of text, whitespace, or punctuation that cannot belong to an address, a path or a word.
    private static bool IsBoundary(char c) =>
        c == '\0' || char.IsWhiteSpace(c) || (!char.IsLetterOrDigit(c) && c is not ('_' or '.' or '-' or '@' or '/' or '\\' or '`' or '+' or '='));
}

internal sealed class MentionExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<MentionParser>())
            pipeline.InlineParsers.Add(new MentionParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<MentionRenderer>())
            html.ObjectRenderers.Insert(0, new MentionRenderer());
    }

    /// <summary>Members link to their profile; groups are marked; anything else is the text as typed.</summary>
    private sealed class MentionRenderer : HtmlObjectRenderer<MentionInline>
    {
        protected override void Write(HtmlRenderer renderer, MentionInline mention)
        {
            if (!renderer.EnableHtmlForInline)
            {
                renderer.Write('@').Write(mention.Name);
                return;
            }
            if (mention.Username is { } username)
                renderer.Write("<a class=\"mention\" href=\"/u/").WriteEscapeUrl(username).Write("\">@").WriteEscape(mention.Name).Write("</a>");
            else if (mention.GroupName is not null)
                renderer.Write("<span class=\"mention-group\">@").WriteEscape(mention.Name).Write("</span>");
            else
                renderer.Write('@').WriteEscape(mention.Name);
        }
    }
}
