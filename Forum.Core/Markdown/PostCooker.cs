using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Emoji;
using Markdig.Extensions.Tables;

namespace Forum.Core.Markdown;

/// <summary>Turns a post's raw Markdown into the HTML pages print. Registered as a singleton: the Markdig
/// pipeline and the configured sanitizer are immutable after construction and safe to share across threads.</summary>
public sealed class PostCooker
{
    /// <summary>Bump whenever the same raw text would cook to different HTML, so old posts get re-cooked.</summary>
    public const int CookerVersion = 1;

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables(new PipeTableOptions { UseGfmRules = true })
        .UseTaskLists()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks(new AutoLinkOptions { UseHttpsForWWWLinks = true })
        // No ASCII smileys: "8)" or ":D" in prose turning into pictures surprises more people than it pleases.
        .UseEmojiAndSmiley(new EmojiMapping(EmojiShortcodes.ToMarkdigMapping(), new Dictionary<string, string>()))
        .Use(new EmojiSpanExtension())
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer sanitizer = SanitizerPolicy.CreateSanitizer();

    public CookedPost Cook(string raw)
    {
        var html = Markdig.Markdown.ToHtml(raw, pipeline);
        return new CookedPost(sanitizer.Sanitize(html), CookerVersion);
    }
}
