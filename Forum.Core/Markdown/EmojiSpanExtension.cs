using Markdig;
using Markdig.Extensions.Emoji;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Forum.Core.Markdown;

/// <summary>Wraps each emoji in <c>&lt;span class="emoji" title=":name:"&gt;</c> so it can be sized by CSS and
/// the shortcode shows on hover; Markdig alone writes the bare character.</summary>
internal sealed class EmojiSpanExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        // EmojiInline is a LiteralInline, so this must come before Markdig's literal renderer to be chosen.
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<EmojiSpanRenderer>())
            html.ObjectRenderers.Insert(0, new EmojiSpanRenderer());
    }

    private sealed class EmojiSpanRenderer : HtmlObjectRenderer<EmojiInline>
    {
        protected override void Write(HtmlRenderer renderer, EmojiInline emoji)
        {
            // Image alt text is rendered with HTML off; there the character alone is right.
            if (!renderer.EnableHtmlForInline)
            {
                renderer.Write(ref emoji.Content);
                return;
            }
            renderer.Write("<span class=\"emoji\" title=\"").WriteEscape(emoji.Match).Write("\">");
            renderer.Write(ref emoji.Content);
            renderer.Write("</span>");
        }
    }
}
