using Microsoft.Playwright;

// Takes the README's screenshots of a running forum that holds the demo content:
//   dotnet run --project docs/Forum.Screenshots -- http://127.0.0.1:PORT docs/screenshots
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Forum.Screenshots BASE_URL OUTPUT_FOLDER");
    return 2;
}
var (baseUrl, output) = (args[0].TrimEnd('/'), args[1]);
Directory.CreateDirectory(output);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"],
});

// The widths the README shows: a laptop and a phone.
(string Name, int Width, int Height)[] screens = [("desktop", 1280, 860), ("phone", 390, 844)];
foreach (var (name, width, height) in screens)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseUrl, Locale = "en-US", ViewportSize = new() { Width = width, Height = height },
        DeviceScaleFactor = 1, ColorScheme = ColorScheme.Light,
    });
    var page = await context.NewPageAsync();

    await page.GotoAsync("/latest");
    await Shot(page, $"latest-{name}");

    // The busiest discussion makes the best topic page.
    await page.GotoAsync("/latest");
    var topicUrl = await page.Locator("tr.topic-list-item .topic-title").First.GetAttributeAsync("href")
                   ?? throw new InvalidOperationException("The topic list is empty: load the demo content first.");
    await page.GotoAsync(topicUrl);
    await Shot(page, $"topic-{name}");

    await page.GotoAsync("/login");
    await page.Locator("#Input_Login").FillAsync("amara.baobab");
    await page.Locator("#Input_Password").FillAsync("demo-password");
    await page.Locator("form.account-form button[type=submit]").ClickAsync();
    await page.Locator(".site-user .current-user").WaitForAsync();
    await page.GotoAsync("/new-topic");
    await page.Locator("#Input_Title").FillAsync("Shared on-call rota between our cooperatives");
    await page.Locator("#Input_Raw").FillAsync("Three of us run small hosting setups. Could we share **one on-call rota**?\n\n- a week each\n- a runbook per client\n\n@lucia.trama, you did this before?");
    // The live preview arrives from the server a moment after typing stops.
    await page.Locator(".live-preview .cooked strong").WaitForAsync();
    await Shot(page, $"composer-{name}");
    await context.CloseAsync();
}
return 0;

async Task Shot(IPage page, string file)
{
    var path = Path.Combine(output, file + ".png");
    await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
    Console.WriteLine(path);
}
