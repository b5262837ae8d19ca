using System.Text.Json;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Browser;

/// <summary>
/// axe-core finds no violation on any page kind, for guests, members, moderators and admins, in English and
/// Spanish, on a desktop and a phone. axe-core comes from npm (Forum.Tests/axe, installed by ./test.sh).
/// </summary>
public sealed class AccessibilityBrowserTests(EveryPageKindForum forum, BrowserFixture browser)
    : IClassFixture<EveryPageKindForum>, IClassFixture<BrowserFixture>
{
    [Theory]
    // The phone layout (its folded menu) is checked in Spanish, whose longer words are the harder case.
    [InlineData("en", 1280, 800)]
    [InlineData("es", 1280, 800)]
    [InlineData("es", 390, 844)]
    public async Task No_page_kind_has_an_accessibility_violation(string language, int width, int height)
    {
        var problems = new List<string>();
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            var page = await forum.PageForAsync(browser, visitor, language, width, height, bypassContentSecurityPolicy: true);
            foreach (var kind in forum.Kinds.Pages.Where(k => k.IsFor(visitor, language)))
            {
                if (await EveryPageKindForum.OpenAsync(page, kind) is { } wrong) { problems.Add(wrong); continue; }
                Assert.Equal(language, await page.EvaluateAsync<string>("() => document.documentElement.lang"));
                await page.AddScriptTagAsync(new() { Content = AxeSource.Value });
                var violations = await page.EvaluateAsync<JsonElement>(RunAxeScript);
                foreach (var violation in violations.EnumerateArray())
                    problems.Add($"{kind} [{language}, {width} px]: {violation.GetProperty("id").GetString()} — " +
                        $"{violation.GetProperty("help").GetString()} — at {violation.GetProperty("targets").GetString()}");
            }
            await page.Context.CloseAsync();
        }
        Assert.True(problems.Count == 0, $"{problems.Count} accessibility violations:\n" + string.Join("\n", problems));
    }

    // Every rule axe-core runs by default (WCAG 2.x A and AA and its best practices); each violation with the
    // first few elements it names.
    private const string RunAxeScript = """
        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({
            id: v.id,
            help: v.help,
            targets: v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | ') + (v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''),
        }))
        """;

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var axe = Path.Combine(folder.FullName, "axe", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(axe)) return File.ReadAllText(axe);
            if (File.Exists(Path.Combine(folder.FullName, "axe", "package.json")))
                throw new InvalidOperationException($"axe-core is not installed: run `npm ci` in {Path.Combine(folder.FullName, "axe")} (./test.sh does).");
        }
        throw new InvalidOperationException("Forum.Tests/axe was not found above " + AppContext.BaseDirectory);
    });
}
