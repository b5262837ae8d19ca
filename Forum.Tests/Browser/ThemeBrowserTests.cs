using Forum.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Browser;

/// <summary>The page follows the device's dark setting, unless the member chose a theme in Preferences.</summary>
public sealed class ThemeBrowserTests(BrowserForumApp forum, BrowserFixture browser)
    : IClassFixture<BrowserForumApp>, IClassFixture<BrowserFixture>
{
    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static async Task ChooseThemeAsync(IPage page, string theme)
    {
        await page.GotoAsync("/my/preferences");
        await page.Locator("#Input_Theme").SelectOptionAsync(theme);
        await page.Locator("form.preferences-form button[type=submit]").ClickAsync();
        await Expect(page.Locator(".preferences-saved")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_dark_device_gets_a_dark_page_unless_the_member_chose_Light()
    {
        await forum.SetUpAsync("admin-theme");
        await forum.UserAsync("lena");
        var guest = await browser.GuestPageAsync(forum.BaseUrl);
        await guest.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await guest.GotoAsync("/latest");
        Assert.Equal("rgb(20, 23, 26)", await BackgroundAsync(guest));
        await guest.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        Assert.Equal("rgb(250, 250, 250)", await BackgroundAsync(guest));

        var lena = await browser.SignedInPageAsync(forum.BaseUrl, "lena", "/latest");
        await lena.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        Assert.Equal("rgb(20, 23, 26)", await BackgroundAsync(lena));

        await ChooseThemeAsync(lena, "light");
        await lena.GotoAsync("/latest");
        Assert.Equal("rgb(250, 250, 250)", await BackgroundAsync(lena));

        await lena.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await ChooseThemeAsync(lena, "dark");
        await lena.GotoAsync("/latest");
        Assert.Equal("rgb(20, 23, 26)", await BackgroundAsync(lena));
    }
}
