using Forum.Core.Digests;

namespace Forum.Tests.Digests;

public sealed class ExcerptTests
{
    [Fact]
    public void An_excerpt_is_plain_text_with_emoji_cut_at_a_word()
    {
        var raw = "We did it :tada: and **celebrated**.\n\n- first [item](https://example.org)\n- second\n\n" + string.Join(' ', Enumerable.Repeat("lengthy", 60));

        var excerpt = Excerpt.FromMarkdown(raw);

        Assert.StartsWith("We did it 🎉 and celebrated. first item second lengthy", excerpt);
        Assert.EndsWith("lengthy…", excerpt);
        Assert.True(excerpt.Length <= 201, excerpt);
        Assert.DoesNotContain("*", excerpt);
        Assert.DoesNotContain("https://", excerpt);
    }
}
