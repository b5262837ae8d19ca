using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Emoji;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Forum.Core.Markdown;

/// <summary>Turns a post's raw Markdown into the HTML pages print. Registered as a singleton: the Markdig
/// pipeline and the configured sanitizer are immutable after construction and safe to share across threads.</summary>
public sealed partial class PostCooker
{
    /// <summary>Bump whenever the same raw text would cook to different HTML, so old posts get re-cooked.</summary>
    public const int CookerVersion = 2;

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables(new PipeTableOptions { UseGfmRules = true })
        .UseTaskLists()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks(new AutoLinkOptions { UseHttpsForWWWLinks = true })
        // No ASCII smileys: "8)" or ":D" in prose turning into pictures surprises more people than it pleases.
        .UseEmojiAndSmiley(new EmojiMapping(EmojiShortcodes.ToMarkdigMapping(), new Dictionary<string, string>()))
        .Use(new EmojiSpanExtension())
        .Use(new MentionExtension())
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer sanitizer = SanitizerPolicy.CreateSanitizer();

    /// <summary>The names to look up before cooking: mentions that count, and the authors of quotes.</summary>
    public MentionedNames ReadNames(string raw)
    {
        var document = Markdig.Markdown.Parse(raw, pipeline);
        return new MentionedNames(
            LiveMentions(document).Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            QuotedNames(document).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>
    /// Cooks <paramref name="raw"/>; mentions of <paramref name="targets"/> become links (members) or marks (groups),
    /// any other name stays plain text. Without targets no mention links, as when the names are not known yet.
    /// </summary>
    public CookedPost Cook(string raw, MentionTargets? targets = null)
    {
        targets ??= MentionTargets.None;
        var document = Markdig.Markdown.Parse(raw, pipeline);
        var users = new List<string>();
        var groups = new List<string>();
        foreach (var mention in LiveMentions(document))
        {
            if (targets.User(mention.Name) is { } user)
            {
                mention.Username = user.Name;
                if (!users.Contains(user.Name)) users.Add(user.Name);
            }
            else if (targets.Group(mention.Name) is { } group)
            {
                mention.GroupName = group.Name;
                if (!groups.Contains(group.Name)) groups.Add(group.Name);
            }
        }
        var quoted = QuotedNames(document).Select(name => targets.User(name)?.Name).OfType<string>().Distinct().ToList();
        var html = sanitizer.Sanitize(Markdig.Markdown.ToHtml(document, pipeline));
        return new CookedPost(html, CookerVersion, users) { GroupMentions = groups, Quoted = quoted };
    }

    /// <summary>Mentions outside links and quotes: a quote repeats someone else's words, a link's text is a label.</summary>
    private static IEnumerable<MentionInline> LiveMentions(MarkdownDocument document)
    {
        var inert = document.Descendants<LinkInline>().SelectMany(link => link.Descendants<MentionInline>())
            .Concat(document.Descendants<QuoteBlock>().SelectMany(quote => quote.Descendants<MentionInline>()))
            .ToHashSet();
        return document.Descendants<MentionInline>().Where(m => !inert.Contains(m));
    }

    [GeneratedRegex(@"^/t/[^/]+/\d+/\d+$")]
    private static partial Regex PostAddress();

    /// <summary>
    /// The authors of quotes, from the attribution the topic page writes when quoting: a quote whose first line
    /// is a link <c>[@name](/t/slug/id/number)</c>.
    /// </summary>
    private static IEnumerable<string> QuotedNames(MarkdownDocument document)
    {
        foreach (var quote in document.Descendants<QuoteBlock>())
        {
            if (quote.Parent is QuoteBlock) continue;
            if (quote.FirstOrDefault() is not ParagraphBlock { Inline.FirstChild: LinkInline { IsImage: false } link }) continue;
            if (link.Url is not { } url || !PostAddress().IsMatch(url)) continue;
            var name = link.FirstChild switch
            {
                MentionInline mention => mention.Name,
                LiteralInline literal when literal.Content.ToString() is ['@', .. var rest] => rest,
                _ => null,
            };
            if (name is { Length: > 0 }) yield return name;
        }
    }
}
