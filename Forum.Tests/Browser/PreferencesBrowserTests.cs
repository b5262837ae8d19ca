using System.Text.RegularExpressions;
using Forum.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Browser;

/// <summary>Preferences in a real browser: one Save keeps the name and the summary settings, and the confirmation is in view.</summary>
public sealed class PreferencesBrowserTests(BrowserForumApp forum, BrowserFixture browser)
    : IClassFixture<BrowserForumApp>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task One_save_keeps_the_name_and_the_summary_setting_and_shows_the_confirmation_in_view(bool javaScript)
    {
        var suffix = javaScript ? "j" : "n";
        await forum.SetUpAsync("admin" + suffix);
        await forum.UserAsync("zoe" + suffix);
        var page = await browser.SignedInPageAsync(forum.BaseUrl, "zoe" + suffix, "/my/preferences", javaScript);

        await page.Locator("#Input_Name").FillAsync("Zoe Prado");
        await page.Locator("#Digest_Frequency").SelectOptionAsync("daily");
        await page.Locator("#Digest_Hour").SelectOptionAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/my/preferences\?saved=true#saved$"));
        await Expect(page.Locator("#saved")).ToHaveTextAsync("Your preferences are saved.");
        await Expect(page.Locator("#saved")).ToBeInViewportAsync();
        await Expect(page.Locator("#Input_Name")).ToHaveValueAsync("Zoe Prado");
        await Expect(page.Locator("#Digest_Frequency")).ToHaveValueAsync("daily");
        await Expect(page.Locator("#Digest_Hour")).ToHaveValueAsync("6");

        await page.GotoAsync("/my/preferences");
        await Expect(page.Locator("#Input_Name")).ToHaveValueAsync("Zoe Prado");
        await Expect(page.Locator("#Digest_Frequency")).ToHaveValueAsync("daily");
    }
}
