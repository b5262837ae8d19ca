using System.Diagnostics;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Forum.Core.Markdown;

/// <summary>
/// Why a post cannot be rendered: nested past the limit, or so intricate that parsing ran past its time budget.
/// Thrown by <see cref="PostCooker"/>; services turn it into a refusal of the text.
/// </summary>
public sealed class UnrenderablePostException(string reason) : Exception(reason)
{
    public const string TooComplex = "This post is too complex to render. Use fewer brackets, emphasis marks or nested lists and quotes.";
    public const string TooDeep = "This post nests quotes, lists, brackets or emphasis too deeply to render.";

    public FieldError Refusal => new("Raw", Message);
}

/// <summary>
/// The time one parse may take, checked between Markdig's own steps. Markdig's link and emphasis parsers are
/// quadratic on some inputs (a long run of <c>[a](</c>, say) and take no cancellation token, so a parser that
/// comes first for every character they react to stops the parse once the budget is spent or the caller left.
/// </summary>
internal sealed class RenderBudget(TimeSpan budget, CancellationToken ct)
{
    private readonly long deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);

    private LeafBlock? countedBlock;
    private long bracketCost;
    private int delimiters;

    /// <summary>
    /// Counts a run of <c>*</c>, <c>_</c>, <c>~</c> or a <c>[</c>: until paired, Markdig nests every later inline of the
    /// paragraph inside each open delimiter, so adding one costs as much as there are open before it.
    /// </summary>
    public void CountDelimiter(LeafBlock? block)
    {
        StartCounting(block);
        if (++delimiters > RenderBudgetInlineParser.MaxDelimitersPerBlock)
            throw new UnrenderablePostException(UnrenderablePostException.TooComplex);
    }

    /// <summary>
    /// Counts a <c>]</c>: each makes Markdig try a link, scanning forward for a destination, at worst to the end of
    /// the paragraph. The sum over a paragraph bounds the link parser's work, whatever the pattern.
    /// </summary>
    public void CountClosingBracket(LeafBlock? block, int remainingLength)
    {
        StartCounting(block);
        bracketCost += remainingLength;
        if (bracketCost > RenderBudgetInlineParser.MaxBracketCostPerBlock)
            throw new UnrenderablePostException(UnrenderablePostException.TooComplex);
    }

    private void StartCounting(LeafBlock? block)
    {
        if (!ReferenceEquals(block, countedBlock)) (countedBlock, bracketCost, delimiters) = (block, 0, 0);
    }

    public void ThrowIfSpent()
    {
        ct.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > deadline) throw new UnrenderablePostException(UnrenderablePostException.TooComplex);
    }

    public MarkdownParserContext ToContext()
    {
        var context = new MarkdownParserContext();
        context.Properties[typeof(RenderBudget)] = this;
        return context;
    }

    public static RenderBudget? Of(MarkdownParserContext? context) =>
        context is not null && context.Properties.TryGetValue(typeof(RenderBudget), out var found) ? found as RenderBudget : null;
}

/// <summary>
/// Checks the budget before every inline step that can be costly, and refuses a paragraph (or table) with more
/// brackets or emphasis delimiters than any real post has: their cost grows with the square of their number, in
/// steps of Markdig's that no budget can interrupt.
/// </summary>
internal sealed class RenderBudgetInlineParser : InlineParser, IPostInlineProcessor
{
    /// <summary>
    /// Characters the link parser may scan per paragraph: a few milliseconds' work. A 32,000-character table may
    /// hold 250 links spread through it, a paragraph of 3,000 characters 2,500; real posts stay far below either.
    /// </summary>
    public const long MaxBracketCostPerBlock = 4_000_000;

    /// <summary>Half a million nesting steps, a few milliseconds; prose has a few dozen delimiters per paragraph.</summary>
    public const int MaxDelimitersPerBlock = 1_000;

    public RenderBudgetInlineParser() => OpeningCharacters = ['[', ']', '(', ')', '!', '*', '_', '~', '`', '<', ':', '@', '&', '\\', '|', 'h', 'w', 'f', 'm'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (RenderBudget.Of(processor.Context) is not { } budget) return false;
        budget.ThrowIfSpent();
        switch (slice.CurrentChar)
        {
            case ']': budget.CountClosingBracket(processor.Block, slice.Length); break;
            case '[' or '*' or '_' or '~': budget.CountDelimiter(processor.Block); break;
        }
        return false;
    }

    public bool PostProcess(InlineProcessor state, Inline? root, Inline? lastChild, int postInlineProcessorIndex, bool isFinalTag)
    {
        // Called again for the text of every link as it closes: nested brackets add up here.
        RenderBudget.Of(state.Context)?.ThrowIfSpent();
        return true;
    }
}

/// <summary>
/// Checks the budget before each line's block parsing, and stops a post of more top-level blocks than a real one
/// has as soon as it has them: some (thousands of setext headings, say) cost Markdig more than linear time.
/// </summary>
internal sealed class RenderBudgetBlockParser : BlockParser
{
    /// <summary>A thousand paragraphs, headings or lists: one every 32 characters of a full-length post.</summary>
    public const int MaxTopLevelBlocks = 1_000;

    public override BlockState TryOpen(BlockProcessor processor)
    {
        RenderBudget.Of(processor.Context)?.ThrowIfSpent();
        if (processor.Document.Count > MaxTopLevelBlocks) throw new UnrenderablePostException(UnrenderablePostException.TooComplex);
        return BlockState.None;
    }
}

internal sealed class RenderBudgetExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<RenderBudgetInlineParser>()) pipeline.InlineParsers.Insert(0, new RenderBudgetInlineParser());
        if (!pipeline.BlockParsers.Contains<RenderBudgetBlockParser>()) pipeline.BlockParsers.Insert(0, new RenderBudgetBlockParser());
    }

    public void Setup(MarkdownPipeline pipeline, Markdig.Renderers.IMarkdownRenderer renderer) { }
}
