using Forum.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Forum.Tests.Browser;

/// <summary>A forum on real Kestrel seeded once with <see cref="EveryPageKind"/>, shared by a test class.</summary>
public sealed class EveryPageKindForum : BrowserForumApp, IAsyncLifetime
{
    private EveryPageKind? kinds;

    public EveryPageKind Kinds => kinds ?? throw new InvalidOperationException("The forum has not been seeded.");

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        kinds = await EveryPageKind.SeedAsync(this, "k");
    }

    public new Task DisposeAsync() => base.DisposeAsync();

    /// <summary>A page for <paramref name="visitor"/> with the UI in <paramref name="language"/>: a guest's browser asks
    /// for it, a member has it as their preference.</summary>
    public async Task<IPage> PageForAsync(BrowserFixture browser, Visitor visitor, string language, int width, int height,
        bool bypassContentSecurityPolicy = false)
    {
        var page = visitor == Visitor.Guest
            ? await browser.GuestPageAsync(BaseUrl, bypassContentSecurityPolicy: bypassContentSecurityPolicy, locale: language)
            : await browser.SignedInPageAsync(BaseUrl, Kinds.UsernameOf(visitor, language), "/latest", bypassContentSecurityPolicy: bypassContentSecurityPolicy);
        await page.SetViewportSizeAsync(width, height);
        return page;
    }

    /// <summary>Opens <paramref name="kind"/> and says what is wrong with the answer, or null.</summary>
    public static async Task<string?> OpenAsync(IPage page, PageKind kind)
    {
        var response = await page.GotoAsync(kind.Path);
        return response?.Status == kind.Status ? null : $"{kind}: answered {response?.Status}, expected {kind.Status}";
    }
}
