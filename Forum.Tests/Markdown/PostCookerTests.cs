using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Forum.Core.Markdown;

namespace Forum.Tests.Markdown;

public sealed class PostCookerTests
{
    private readonly PostCooker cooker = new();

    private IDocument Cook(string raw) => new HtmlParser().ParseDocument(cooker.Cook(raw).Html);

    [Fact]
    public void A_pipe_table_renders_as_a_table()
    {
        var page = Cook("| Co-op | Members |\n|-------|--------:|\n| Ronda | 12 |");

        Assert.Equal("Co-op", page.QuerySelector("table thead th")?.TextContent);
        Assert.Equal("12", page.QuerySelectorAll("table tbody td")[1].TextContent);
    }

    [Fact]
    public void A_code_block_can_be_focused_to_scroll_it_by_keyboard_and_a_post_cannot_make_other_things_focusable()
    {
        var page = Cook("```\ninvoice --template=cooperative --output=/srv/invoices/all.pdf\n```\n\n[a link](https://example.org)");

        Assert.Equal("0", page.QuerySelector("pre")?.GetAttribute("tabindex"));
        Assert.Empty(page.QuerySelectorAll("[tabindex]:not(pre)"));
    }

    [Fact]
    public void Column_alignment_does_not_bring_style_attributes_with_it()
    {
        var page = Cook("| a | b |\n|:-:|--:|\n| 1 | 2 |");

        Assert.NotNull(page.QuerySelector("table"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public void A_task_list_renders_disabled_checkboxes_ticked_as_written()
    {
        var page = Cook("- [x] book the room\n- [ ] send the agenda");

        var boxes = page.QuerySelectorAll("li input");
        Assert.Equal(2, boxes.Length);
        Assert.All(boxes, box => Assert.Equal("checkbox", box.GetAttribute("type")));
        Assert.All(boxes, box => Assert.True(box.HasAttribute("disabled")));
        Assert.True(boxes[0].HasAttribute("checked"));
        Assert.False(boxes[1].HasAttribute("checked"));
    }

    [Fact]
    public void Double_tildes_strike_text_through()
    {
        var page = Cook("The meeting is ~~Tuesday~~ Wednesday.");

        Assert.Equal("Tuesday", page.QuerySelector("p del")?.TextContent);
    }

    [Theory]
    [InlineData("Docs at https://example.com/guide?page=2 today", "https://example.com/guide?page=2")]
    [InlineData("Docs at www.example.org today", "https://www.example.org")]
    [InlineData("Docs at [the guide](https://example.com/guide) today", "https://example.com/guide")]
    public void Links_point_where_written_and_carry_nofollow_ugc_noopener(string raw, string href)
    {
        var link = Cook(raw).QuerySelector("a");

        Assert.NotNull(link);
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
    }

    [Fact]
    public void Fenced_code_keeps_its_language_class_and_shows_html_as_text()
    {
        var cooked = cooker.Cook("```csharp\nvar tag = \"<b>bold</b>\";\n```").Html;
        var code = new HtmlParser().ParseDocument(cooked).QuerySelector("pre > code");

        Assert.NotNull(code);
        Assert.Equal("language-csharp", code.GetAttribute("class"));
        Assert.Equal("var tag = \"<b>bold</b>\";\n", code.TextContent);
        Assert.Empty(code.Children);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", cooked);
    }

    [Theory]
    [InlineData(":smiley:", "😃")]
    [InlineData(":stuck_out_tongue:", "😛")]
    [InlineData(":+1:", "👍")]
    [InlineData(":white_check_mark:", "✅")]
    public void Emoji_shortcodes_become_unicode_emoji(string shortcode, string emoji)
    {
        var span = Cook($"Thanks {shortcode}").QuerySelector("p span.emoji");

        Assert.NotNull(span);
        Assert.Equal(emoji, span.TextContent);
        Assert.Equal(shortcode, span.GetAttribute("title"));
    }

    [Theory]
    [InlineData("Type `:smiley:` for a smile", "p code", ":smiley:")]
    [InlineData("```\n:smiley: :) :+1:\n```", "pre code", ":smiley: :) :+1:\n")]
    public void Shortcodes_in_code_stay_literal(string raw, string selector, string literal)
    {
        var page = Cook(raw);

        Assert.Equal(literal, page.QuerySelector(selector)?.TextContent);
        Assert.Null(page.QuerySelector(".emoji"));
    }

    [Theory]
    [InlineData("See you then :)", "See you then :)")]
    [InlineData("Not a real one :no_such_emoji:", "Not a real one :no_such_emoji:")]
    public void Ascii_smileys_and_unknown_shortcodes_stay_as_typed(string raw, string text)
    {
        var page = Cook(raw);

        Assert.Equal(text, page.QuerySelector("p")?.TextContent);
        Assert.Null(page.QuerySelector(".emoji"));
    }

    [Fact]
    public void A_script_tag_is_shown_as_text_not_run()
    {
        var page = Cook("<script>alert(1)</script>");

        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Equal("<script>alert(1)</script>", page.QuerySelector("p")?.TextContent);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    public void Javascript_urls_never_reach_an_href_or_src(string raw)
    {
        var page = Cook(raw);

        var urls = page.QuerySelectorAll("[href], [src]")
            .SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src") })
            .OfType<string>();
        Assert.DoesNotContain(urls, url => url.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_img_with_onerror_yields_no_event_handler()
    {
        var page = Cook("<img src=x onerror=alert(1)>");

        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Empty(page.QuerySelectorAll("[onerror]"));
    }

    [Fact]
    public void A_raw_iframe_is_gone()
    {
        var page = Cook("Look:\n\n<iframe src=\"https://evil.example/\"></iframe>");

        Assert.Empty(page.QuerySelectorAll("iframe"));
    }

    [Fact]
    public void Headings_and_blockquotes_render()
    {
        var page = Cook("# Agenda\n\n## Budget\n\n> We agreed last time.");

        Assert.Equal("Agenda", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("Budget", page.QuerySelector("h2")?.TextContent);
        Assert.Equal("We agreed last time.", page.QuerySelector("blockquote p")?.TextContent);
    }

    [Fact]
    public void Cooking_the_same_text_twice_gives_the_same_html_and_the_current_version()
    {
        const string raw = "# Hi :wave:\n\n- [ ] table\n\n| a |\n|---|\n| 1 |\n\nhttps://example.com";

        var first = cooker.Cook(raw);
        var second = cooker.Cook(raw);

        Assert.Equal(first, second);
        Assert.Equal(PostCooker.CookerVersion, first.Version);
    }

    [Fact]
    public void One_cooker_gives_the_same_html_when_shared_across_threads()
    {
        const string raw = "**Bold** :tada: [link](https://example.com)\n\n```js\nlet a = 1;\n```";
        var expected = cooker.Cook(raw).Html;

        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = cooker.Cook(raw).Html);

        Assert.All(results, html => Assert.Equal(expected, html));
    }

    [Fact]
    public void Empty_input_cooks_to_an_empty_string()
    {
        Assert.Equal("", cooker.Cook("").Html);
    }
}
