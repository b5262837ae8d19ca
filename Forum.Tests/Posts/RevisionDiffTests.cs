using Forum.Core.Posts;

namespace Forum.Tests.Posts;

public sealed class RevisionDiffTests
{
    private static string Show(IReadOnlyList<DiffSegment> segments) => string.Concat(segments.Select(s => s.Kind switch
    {
        DiffKind.Inserted => "{+" + s.Text + "+}",
        DiffKind.Deleted => "[-" + s.Text + "-]",
        _ => s.Text,
    }));

    [Fact]
    public void A_replaced_word_is_marked_deleted_then_inserted_and_its_punctuation_is_shared()
    {
        var diff = RevisionDiff.Words("The print shop is cheap.", "The print shop is fast.");

        Assert.Equal("The print shop is [-cheap-]{+fast+}.", Show(diff));
    }

    [Fact]
    public void Added_words_are_one_insertion_and_nothing_else_changes()
    {
        var diff = RevisionDiff.Words("Meet at noon", "Meet at the station at noon");

        Assert.Equal([DiffKind.Same, DiffKind.Inserted, DiffKind.Same], diff.Select(s => s.Kind));
        Assert.Equal("the station at ", diff.Single(s => s.Kind == DiffKind.Inserted).Text.TrimStart());
    }

    [Fact]
    public void Joining_the_segments_gives_back_either_version()
    {
        const string before = "First line\n\n- one\n- two **bold**\n";
        const string after = "First line, edited\n\n- one\n- three **bold**\n\nA new paragraph.";
        var diff = RevisionDiff.Words(before, after);

        Assert.Equal(before, string.Concat(diff.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(diff.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)));
    }

    [Fact]
    public void Identical_texts_have_no_change()
    {
        var diff = RevisionDiff.Words("Nothing changed here.", "Nothing changed here.");

        Assert.Equal([new DiffSegment(DiffKind.Same, "Nothing changed here.")], diff);
    }

    [Fact]
    public void Markdown_marks_count_as_part_of_the_words_they_touch()
    {
        var diff = RevisionDiff.Words("Use the old form.", "Use the **new** form.");

        Assert.Equal("Use the [-old-]{+**new**+} form.", Show(diff));
    }
}
