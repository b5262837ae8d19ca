using Microsoft.Playwright;

namespace Forum.Tests.Infrastructure;

/// <summary>
/// One Playwright driver and one headless chromium per test class; each person in a test gets their own
/// browser context (own cookies), as two people on two machines would.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // The system chromium, driven offline: Playwright never downloads a browser here.
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh context (no cookies) on <paramref name="baseUrl"/>, for a guest or before logging in.
    /// <paramref name="bypassContentSecurityPolicy"/> lets a test inject a checker's script (axe-core) into pages.</summary>
    public async Task<IPage> GuestPageAsync(string baseUrl, bool javaScriptEnabled = true, bool bypassContentSecurityPolicy = false,
        string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            JavaScriptEnabled = javaScriptEnabled,
            Locale = locale,
            BypassCSP = bypassContentSecurityPolicy,
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    /// <summary>Logs <paramref name="username"/> in through the real login form, then opens <paramref name="path"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string baseUrl, string username, string path, bool javaScriptEnabled = true,
        bool bypassContentSecurityPolicy = false)
    {
        var page = await GuestPageAsync(baseUrl, javaScriptEnabled, bypassContentSecurityPolicy);
        await page.GotoAsync("/login");
        await page.Locator("#Input_Login").FillAsync(username);
        await page.Locator("#Input_Password").FillAsync(ForumApp.PasswordOf(username));
        await page.Locator("form.account-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".site-user .current-user")).ToHaveTextAsync(username);
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"Opening {path} as {username} answered {response?.Status}.");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
