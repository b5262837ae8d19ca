using DiffPlex;
using DiffPlex.Chunkers;

namespace Forum.Core.Posts;

public enum DiffKind { Same, Inserted, Deleted }

/// <summary>A run of text that both versions share, or that one of them added or removed.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// What changed between two versions of a post's Markdown, word by word (DiffPlex's word chunker keeps the
/// spaces and line breaks as pieces of their own, so joining the segments gives back either text).
/// </summary>
public static class RevisionDiff
{
    public static IReadOnlyList<DiffSegment> Words(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var segments = new List<DiffSegment>();
        var (oldAt, newAt) = (0, 0);
        foreach (var block in result.DiffBlocks)
        {
            // The pieces before a block are common to both texts.
            for (; newAt < block.InsertStartB; newAt++, oldAt++) Add(segments, DiffKind.Same, result.PiecesNew[newAt]);
            for (var i = 0; i < block.DeleteCountA; i++) Add(segments, DiffKind.Deleted, result.PiecesOld[block.DeleteStartA + i]);
            for (var i = 0; i < block.InsertCountB; i++) Add(segments, DiffKind.Inserted, result.PiecesNew[block.InsertStartB + i]);
            oldAt = block.DeleteStartA + block.DeleteCountA;
            newAt = block.InsertStartB + block.InsertCountB;
        }
        for (; newAt < result.PiecesNew.Count; newAt++) Add(segments, DiffKind.Same, result.PiecesNew[newAt]);
        return segments;
    }

    /// <summary>Joins a piece to the previous segment of its kind, so a changed phrase reads as one mark.</summary>
    private static void Add(List<DiffSegment> segments, DiffKind kind, string piece)
    {
        if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = segments[^1] with { Text = segments[^1].Text + piece };
        else segments.Add(new DiffSegment(kind, piece));
    }
}
