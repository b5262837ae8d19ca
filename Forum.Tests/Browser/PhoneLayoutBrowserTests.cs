using Forum.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Browser;

/// <summary>
/// Every page kind fits a phone (390 px) and a desktop (1280 px) without sideways scrolling, for guests, members,
/// moderators and admins; the header stays one sticky row and its menus stay on screen.
/// </summary>
public sealed class PhoneLayoutBrowserTests(EveryPageKindForum forum, BrowserFixture browser)
    : IClassFixture<EveryPageKindForum>, IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 390, PhoneHeight = 844;

    [Theory]
    [InlineData(PhoneWidth, PhoneHeight)]
    [InlineData(1280, 800)]
    public async Task No_page_scrolls_sideways(int width, int height)
    {
        const string language = "en";
        var problems = new List<string>();
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var page = await forum.PageForAsync(browser, visitor, language, width, height);
            foreach (var kind in forum.Kinds.Pages.Where(k => k.IsFor(visitor, language)))
            {
                if (await EveryPageKindForum.OpenAsync(page, kind) is { } wrong) { problems.Add(wrong); continue; }
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (scrollWidth > width)
                {
                    var widest = await page.EvaluateAsync<string>(WidestElementScript, width);
                    problems.Add($"{kind}: {scrollWidth} px wide at {width} px, widest: {widest}");
                }
            }
            await page.Context.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(Visitor.Moderator, "es", PhoneWidth)]
    [InlineData(Visitor.Moderator, "es", 1280)]
    [InlineData(Visitor.Member, "en", PhoneWidth)]
    [InlineData(Visitor.Guest, "es", PhoneWidth)]
    public async Task The_header_is_one_sticky_row_whose_links_and_notifications_open_on_screen(Visitor visitor, string language, int width)
    {
        var page = await forum.PageForAsync(browser, visitor, language, width, PhoneHeight);
        var longTopic = forum.Kinds.Pages.First(k => k.Name == "long topic, last page").Path;
        await page.GotoAsync(longTopic);

        var spread = await page.EvaluateAsync<double>(HeaderSpreadScript);
        Assert.True(spread < 12, $"The header's items sit on more than one row at {width} px: their middles are {spread} px apart.");
        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        Assert.Equal(0, await page.EvaluateAsync<double>("() => document.querySelector('header.site-header').getBoundingClientRect().top"));

        var categories = page.Locator(".site-nav a[href='/categories']");
        if (width == PhoneWidth)
        {
            await Expect(categories).ToBeHiddenAsync();
            await page.Locator(".site-menu > summary").ClickAsync();
        }
        await Expect(categories).ToBeVisibleAsync();
        await categories.ClickAsync();
        await Expect(page).ToHaveURLAsync(forum.BaseUrl + "/categories");

        if (visitor == Visitor.Guest) return;
        await page.Locator(".notification-latest summary").ClickAsync();
        var dropdown = await page.Locator(".notification-dropdown").BoundingBoxAsync();
        Assert.NotNull(dropdown);
        Assert.True(dropdown.X >= 0 && dropdown.X + dropdown.Width <= width,
            $"The notifications open from {dropdown.X} to {dropdown.X + dropdown.Width} px on a {width} px screen.");
    }

    [Theory]
    [InlineData(PhoneWidth)]
    [InlineData(1280)]
    public async Task Each_flag_reason_sits_beside_its_radio_button(int width)
    {
        var page = await forum.PageForAsync(browser, Visitor.Member, "en", width, PhoneHeight);
        await page.GotoAsync(forum.Kinds.Pages.First(k => k.Name == "flag form").Path);
        var gaps = await page.EvaluateAsync<double[]>("""
            () => [...document.querySelectorAll('.flag-form fieldset label')].map(label => {
                const radio = label.querySelector('input[type=radio]').getBoundingClientRect();
                const text = document.createRange();
                text.selectNodeContents(label.lastChild);
                return text.getBoundingClientRect().left - radio.right;
            })
            """);
        Assert.Equal(4, gaps.Length);
        Assert.All(gaps, gap => Assert.InRange(gap, 0, 16));
    }

    // How far apart the vertical middles of the header's items are: items on one row differ by a few pixels at most.
    private const string HeaderSpreadScript = """
        () => {
            const middles = [...document.querySelector('header.site-header').children]
                .map(e => e.getBoundingClientRect()).filter(r => r.height > 0).map(r => r.top + r.height / 2);
            return Math.max(...middles) - Math.min(...middles);
        }
        """;

    // Names the deepest elements that stick out past the right edge, so a failure says what to fix.
    private const string WidestElementScript = """
        width => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
            .slice(0, 3)
            .map(e => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : ''} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`)
            .join(', ')
        """;
}
