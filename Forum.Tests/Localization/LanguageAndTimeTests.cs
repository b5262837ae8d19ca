using System.Net.Http.Headers;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Localization;

public sealed class LanguageAndTimeTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task A_guest_gets_the_language_the_browser_asks_for()
    {
        await forum.SetUpAsync("admin-lang");
        using var guest = forum.Session();
        guest.Client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es-AR"));
        var page = await guest.OpenAsync("/latest");
        Assert.Equal("Recientes", page.TextOf("h1"));
        Assert.Equal("es", page.Document.DocumentElement.GetAttribute("lang"));

        using var english = forum.Session();
        english.Client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));
        Assert.Equal("Latest", (await english.OpenAsync("/latest")).TextOf("h1"));
    }

    [Fact]
    public async Task A_members_own_language_wins_over_the_browser_and_times_show_in_their_zone()
    {
        await forum.SetUpAsync("admin-zone");
        var categoryId = await forum.CategoryAsync("Zonas horarias");
        var lucia = await forum.UserAsync("lucia", locale: "es", timeZone: "America/Argentina/Buenos_Aires");
        await forum.UserAsync("tom", locale: "en", timeZone: "Asia/Tokyo");
        var topic = await forum.TopicAsync(lucia, categoryId, "Reunión de la red el jueves");

        using var luciaSession = forum.Session();
        luciaSession.Client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        await luciaSession.LogInAsync("lucia");
        var page = await luciaSession.OpenAsync($"/t/{topic.Slug}/{topic.Id}");
        Assert.Contains("Responder", page.TextOf("form#reply h2"));
        var time = page.Document.QuerySelector("#post-1 time")!;
        Assert.Equal("ahora mismo", time.TextContent);
        Assert.EndsWith("(America/Argentina/Buenos_Aires)", time.GetAttribute("title"));

        var created = DateTime.Parse(time.GetAttribute("datetime")!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        using var tomSession = forum.Session();
        await tomSession.LogInAsync("tom");
        var tomTime = (await tomSession.OpenAsync($"/t/{topic.Slug}/{topic.Id}")).Document.QuerySelector("#post-1 time")!;
        var inTokyo = TimeZoneInfo.ConvertTimeFromUtc(created, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Equal($"{inTokyo.ToString("f", new System.Globalization.CultureInfo("en"))} (Asia/Tokyo)", tomTime.GetAttribute("title"));
    }
}
