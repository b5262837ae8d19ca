using AngleSharp.Html.Parser;
using Forum.Core.Markdown;

namespace Forum.Tests.Mentions;

/// <summary>Mentions read from the Markdown tree: what links, what stays text, and which names a post yields.</summary>
public sealed class MentionCookingTests
{
    private readonly PostCooker cooker = new();

    private static readonly MentionTargets Known = new(
        [new MentionTarget(1, "neto"), new MentionTarget(2, "ann.b"), new MentionTarget(3, "Carla")],
        [new MentionTarget(10, "infra-team")]);

    [Fact]
    public void A_known_member_becomes_a_link_to_their_profile_whatever_the_case_typed()
    {
        var cooked = cooker.Cook("Thanks @NETO and @carla for the review", Known);

        var links = new HtmlParser().ParseDocument(cooked.Html).QuerySelectorAll("a.mention");
        Assert.Equal(["/u/neto", "/u/Carla"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["@NETO", "@carla"], links.Select(a => a.TextContent));
        Assert.Equal(["neto", "Carla"], cooked.Mentions);
    }

    [Fact]
    public void An_unknown_name_stays_plain_text()
    {
        var cooked = cooker.Cook("Ask @nobody-here about it", Known);

        Assert.Equal("<p>Ask @nobody-here about it</p>\n", cooked.Html);
        Assert.Empty(cooked.Mentions);
    }

    [Theory]
    [InlineData("Run `@neto` in the shell")]
    [InlineData("```\nping @neto\n```")]
    [InlineData("    indented @neto code")]
    [InlineData("See [@neto](https://example.org/people)")]
    [InlineData("> As @neto said, ship it")]
    [InlineData("Write to neto@example.org today")]
    [InlineData("Profile at https://social.example/@neto today")]
    public void Mentions_in_code_links_quotes_and_addresses_neither_link_nor_count(string raw)
    {
        var cooked = cooker.Cook(raw, Known);

        Assert.Empty(cooked.Mentions);
        Assert.DoesNotContain("class=\"mention\"", cooked.Html);
        Assert.Empty(cooker.ReadNames(raw).Mentioned);
    }

    [Theory]
    [InlineData("Over to @neto.")]
    [InlineData("Thanks @neto, really")]
    [InlineData("@neto: please look")]
    [InlineData("Well done @neto!")]
    [InlineData("(cc @neto)")]
    public void Trailing_punctuation_is_not_part_of_the_name(string raw)
    {
        var cooked = cooker.Cook(raw, Known);

        Assert.Equal(["neto"], cooked.Mentions);
        Assert.Equal("/u/neto", new HtmlParser().ParseDocument(cooked.Html).QuerySelector("a.mention")!.GetAttribute("href"));
    }

    [Fact]
    public void A_dot_inside_a_name_belongs_to_it()
    {
        Assert.Equal(["ann.b"], cooker.Cook("Hello @ann.b.", Known).Mentions);
    }

    [Fact]
    public void A_mentionable_group_is_marked_and_reported_apart_from_members()
    {
        var cooked = cooker.Cook("Paging @Infra-Team and @neto", Known);

        Assert.Equal(["infra-team"], cooked.GroupMentions);
        Assert.Equal(["neto"], cooked.Mentions);
        Assert.Contains("<span class=\"mention-group\">@Infra-Team</span>", cooked.Html);
    }

    [Fact]
    public void Each_name_is_reported_once_in_order_of_appearance()
    {
        var names = cooker.ReadNames("@carla then @neto then @Carla again and @ghost");

        Assert.Equal(["carla", "neto", "ghost"], names.Mentioned);
    }

    [Fact]
    public void The_author_of_a_quote_is_read_from_its_attribution_line()
    {
        var raw = "> [@neto](/t/budget/5/3):\n> We should vote.\n\nAgreed.";

        var cooked = cooker.Cook(raw, Known);

        Assert.Equal(["neto"], cooked.Quoted);
        Assert.Empty(cooked.Mentions);
        Assert.Equal(["neto"], cooker.ReadNames(raw).Quoted);
    }

    [Fact]
    public void Without_known_names_nothing_links()
    {
        Assert.Equal("<p>Hi @neto</p>\n", cooker.Cook("Hi @neto").Html);
    }
}
