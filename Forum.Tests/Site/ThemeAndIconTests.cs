using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Site;

/// <summary>The favicon, icons that need no emoji font, and the member's colour theme applied by the server.</summary>
public sealed partial class ThemeAndIconTests(ForumApp forum) : IClassFixture<ForumApp>
{
    // Emoji and symbol-font glyphs (☀–➿, ⬀–⯿, geometric shapes such as ▾) and anything outside the basic plane.
    [GeneratedRegex(@"[\u25A0-\u25FF\u2600-\u27BF\u2B00-\u2BFF]|\p{Cs}")]
    private static partial Regex FontGlyph();

    private Task SetUpAsync() => forum.SetUpAsync("admin" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Every_page_links_an_svg_favicon_with_an_ico_fallback_and_both_are_served()
    {
        await SetUpAsync();
        using var guest = forum.Session();
        var page = await guest.OpenAsync("/latest");
        Assert.Equal("/favicon.svg", page.Document.QuerySelector("link[rel=icon][type='image/svg+xml']")?.GetAttribute("href"));
        Assert.Equal("/favicon.ico", page.Document.QuerySelector("link[rel=icon]:not([type])")?.GetAttribute("href"));

        var svg = await guest.Client.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await svg.Content.ReadAsStringAsync());

        var ico = await guest.Client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, (await ico.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task The_bell_badges_and_likes_are_svg_icons_with_names_and_no_page_needs_an_emoji_font()
    {
        await SetUpAsync();
        var ines = await forum.UserAsync("ines");
        var topic = await forum.TopicAsync(ines, await forum.CategoryAsync("Plain"), "Icons that draw everywhere");
        await forum.ReplyAsync(ines, topic.Id, "A reply so the topic has a second post to like.");
        using var reader = forum.Session();
        await reader.LogInAsync("ines");

        var topicPage = await reader.OpenAsync($"/t/{topic.Slug}/{topic.Id}");
        Assert.NotNull(topicPage.Document.QuerySelector(".notification-count svg.icon-bell[aria-hidden=true]"));
        Assert.Equal("Notifications", topicPage.Document.QuerySelector(".notification-count .visually-hidden")!.TextContent);
        var closed = topicPage.Document.QuerySelector(".closed-badge svg[role=img]")!;
        Assert.Equal("Closed", closed.GetAttribute("aria-label"));
        Assert.Equal("Closed", closed.QuerySelector("title")!.TextContent);
        Assert.Equal("Pinned", topicPage.Document.QuerySelector(".pinned-badge svg")!.GetAttribute("aria-label"));
        Assert.NotNull(topicPage.Document.QuerySelector("#post-1 .post-actions svg.icon-heart"));

        foreach (var url in new[] { "/latest", "/categories", $"/t/{topic.Slug}/{topic.Id}", "/notifications", "/my/preferences" })
        {
            var html = (await reader.OpenAsync(url)).Text;
            Assert.False(FontGlyph().IsMatch(html), $"{url} shows {FontGlyph().Match(html).Value}, which needs an emoji or symbol font.");
        }
    }

    [Fact]
    public async Task A_chosen_theme_is_saved_and_set_on_html_by_the_server_and_System_follows_the_device()
    {
        await SetUpAsync();
        await forum.UserAsync("teo");
        using var teo = forum.Session();
        await teo.LogInAsync("teo");
        var form = await teo.OpenAsync("/my/preferences");
        Assert.Equal("system", form.Document.DocumentElement.GetAttribute("data-theme"));
        Assert.Equal("system", ((IHtmlSelectElement)form.Document.QuerySelector("#Input_Theme")!).Value);

        var dark = await teo.SubmitAndFollowAsync(form, "form.preferences-form", new Dictionary<string, string> { ["Input.Theme"] = "dark" });
        Assert.Equal("dark", dark.Document.DocumentElement.GetAttribute("data-theme"));
        Assert.Equal("dark", ((IHtmlSelectElement)dark.Document.QuerySelector("#Input_Theme")!).Value);
        Assert.Equal("dark", (await teo.OpenAsync("/latest")).Document.DocumentElement.GetAttribute("data-theme"));

        var light = await teo.SubmitAndFollowAsync(dark, "form.preferences-form", new Dictionary<string, string> { ["Input.Theme"] = "light" });
        Assert.Equal("light", light.Document.DocumentElement.GetAttribute("data-theme"));

        var system = await teo.SubmitAndFollowAsync(light, "form.preferences-form", new Dictionary<string, string> { ["Input.Theme"] = "system" });
        Assert.Equal("system", system.Document.DocumentElement.GetAttribute("data-theme"));
    }

    [Fact]
    public async Task An_unknown_theme_is_refused_with_a_message_and_the_rest_of_the_form_is_kept()
    {
        await SetUpAsync();
        await forum.UserAsync("uma");
        using var uma = forum.Session();
        await uma.LogInAsync("uma");
        var form = await uma.OpenAsync("/my/preferences");

        var refused = await uma.SubmitAsync(form, "form.preferences-form", new Dictionary<string, string>
        {
            ["Input.Theme"] = "neon", ["Input.Name"] = "Uma Reis",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Choose a theme from the list.", refused.Errors);
        Assert.Equal("Uma Reis", ((IHtmlInputElement)refused.Document.QuerySelector("#Input_Name")!).Value);
        Assert.Equal("system", (await uma.OpenAsync("/latest")).Document.DocumentElement.GetAttribute("data-theme"));
    }
}
