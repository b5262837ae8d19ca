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
    /// Version 3: code blocks take keyboard focus, so that long lines can be scrolled (RecookPosts updates old posts).
    public const int CookerVersion = 3;

    /// <summary>
    /// How long one parse may take: the backstop for costly patterns the limits below do not foresee. Real posts
    /// parse in a few milliseconds; the known costly ones are refused by those limits within a few dozen.
    /// </summary>
    public static readonly TimeSpan ParseBudget = TimeSpan.FromSeconds(1);

    /// <summary>Deeper than any real post nests quotes, lists or brackets; Markdig's own default lets a parse run for seconds first.</summary>
    public const int MaxNestingDepth = 32;

    /// <summary>Render and sanitize are linear in the number of elements but not cheap (the sanitizer takes about
    /// 50 ms per thousand): 16,000 one-character paragraphs would take it most of a second. A long real post has a few hundred.</summary>
    public const int MaxElements = 2_500;

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = MaxNestingDepth }
        .UsePipeTables(new PipeTableOptions { UseGfmRules = true })
        .UseTaskLists()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks(new AutoLinkOptions { UseHttpsForWWWLinks = true })
        // No ASCII smileys: "8)" or ":D" in prose turning into pictures surprises more people than it pleases.
        .UseEmojiAndSmiley(new EmojiMapping(EmojiShortcodes.ToMarkdigMapping(), new Dictionary<string, string>()))
        .Use(new EmojiSpanExtension())
        .Use(new MentionExtension())
        .DisableHtml()
        // Last, so that its parsers go first: they insert themselves at the head of the lists.
        .Use(new RenderBudgetExtension())
        .Build();

    private readonly HtmlSanitizer sanitizer = SanitizerPolicy.CreateSanitizer();

    public PostCooker()
    {
        // The first cooking compiles Markdig's and the sanitizer's code; done here, it is not charged to a member's post.
        Cook("# Warm-up\n\n> *quote* **bold** ~~gone~~ `code` [link](https://example.org) @name :smile:\n\n- [x] done\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```");
    }

    /// <summary>The names to look up before cooking: mentions that count, and the authors of quotes.</summary>
    public MentionedNames ReadNames(string raw, CancellationToken ct = default)
    {
        var document = Parse(raw, ct);
        return new MentionedNames(
            LiveMentions(document).Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            QuotedNames(document).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>
    /// Cooks <paramref name="raw"/>; mentions of <paramref name="targets"/> become links (members) or marks (groups),
    /// any other name stays plain text. Without targets no mention links, as when the names are not known yet.
    /// Throws <see cref="UnrenderablePostException"/> for text nested too deeply or too costly to parse.
    /// </summary>
    public CookedPost Cook(string raw, MentionTargets? targets = null, CancellationToken ct = default)
    {
        targets ??= MentionTargets.None;
        var document = Parse(raw, ct);
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

    private MarkdownDocument Parse(string raw, CancellationToken ct)
    {
        // Markdig checks its nesting limit only after building every level, which for 16,000 '>' takes seconds.
        if (MaxLineNesting(raw) > MaxNestingDepth) throw new UnrenderablePostException(UnrenderablePostException.TooDeep);
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(raw, pipeline, new RenderBudget(ParseBudget, ct).ToContext());
        }
        catch (ArgumentException)
        {
            // Markdig's only complaint about its input: nested past MaximumNestingDepth.
            throw new UnrenderablePostException(UnrenderablePostException.TooDeep);
        }
        var elements = 0;
        foreach (var node in document.Descendants())
            if (node is not LiteralInline && ++elements > MaxElements) throw new UnrenderablePostException(UnrenderablePostException.TooComplex);
        return document;
    }

    /// <summary>
    /// The deepest nesting any line could open: its quote and list markers, plus its indentation when a marker
    /// follows (a nested list item is indented by at least two columns per level).
    /// </summary>
    private static int MaxLineNesting(string raw)
    {
        var deepest = 0;
        var (depth, indent, atLineStart) = (0, 0, true);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\n') { (depth, indent, atLineStart) = (0, 0, true); continue; }
            if (!atLineStart) continue;
            if (c is ' ' or '\t') { if (depth == 0) indent += c == '\t' ? 4 : 1; continue; }
            var next = i + 1 < raw.Length ? raw[i + 1] : ' ';
            if (c == '>' || (c is '-' or '*' or '+' && next is ' ' or '\t')) depth++;
            else if (char.IsAsciiDigit(c))
            {
                while (i + 1 < raw.Length && char.IsAsciiDigit(raw[i + 1])) i++;
                if (i + 1 < raw.Length && raw[i + 1] is '.' or ')') { i++; depth++; }
                else atLineStart = false;
            }
            else atLineStart = false;
            if (depth > 0) deepest = Math.Max(deepest, depth + indent / 2);
        }
        return deepest;
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
