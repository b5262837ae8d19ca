using System.Globalization;
using Forum.Tests.Infrastructure;
using Forum.Web;
using Microsoft.Extensions.Localization;

namespace Forum.Tests.Localization;

public sealed class SpanishTranslationTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public void Every_UI_string_in_the_source_has_a_Spanish_translation()
    {
        var localizer = forum.Get<IStringLocalizer<SharedResource>>();
        var keys = UiStrings.All();
        Assert.True(keys.Count > 50, $"Only {keys.Count} UI strings were found; the scan is broken.");
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("es");
            var missing = keys.Where(key => localizer[key] is { ResourceNotFound: true } or { Value.Length: 0 }).ToList();
            Assert.True(missing.Count == 0, "No Spanish for:\n" + string.Join("\n", missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
