using System.Net;
using AngleSharp.Html.Dom;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Accounts;

public sealed class PreferencesTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private Task SetUpAsync() => forum.SetUpAsync("admin" + Guid.NewGuid().ToString("N")[..8]);

    private static string ValueOf(WebSession.Page page, string selector) => page.Document.QuerySelector(selector) switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value ?? "",
        _ => throw new InvalidOperationException($"No field {selector}"),
    };

    [Fact]
    public async Task Guests_are_sent_to_log_in()
    {
        await SetUpAsync();
        using var guest = forum.Session();
        var answer = await guest.GetAsync("/my/preferences");
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/login?ReturnUrl=%2Fmy%2Fpreferences", new Uri(new Uri("http://localhost"), answer.Location).PathAndQuery);
    }

    [Fact]
    public async Task The_time_zone_list_holds_the_system_zones_sorted_by_id()
    {
        await SetUpAsync();
        await forum.UserAsync("xavi");
        using var xavi = forum.Session();
        await xavi.LogInAsync("xavi");
        var page = await xavi.OpenAsync("/my/preferences");
        var zones = page.Document.QuerySelectorAll("#Input_TimeZone option").Select(o => o.GetAttribute("value")!).ToList();

        Assert.Equal(zones.Order(StringComparer.Ordinal), zones);
        Assert.Superset(TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).ToHashSet(), zones.ToHashSet());
        Assert.Contains("Europe/Lisbon", zones);
        Assert.Equal("UTC", ValueOf(page, "#Input_TimeZone"));
        Assert.Equal("en", ValueOf(page, "#Input_Locale"));
    }

    [Fact]
    public async Task Saved_preferences_show_on_the_profile_and_the_language_and_zone_apply_at_once()
    {
        await SetUpAsync();
        var wanda = await forum.UserAsync("wanda");
        var topic = await forum.TopicAsync(wanda, await forum.CategoryAsync("Wanda's corner"), "Notes from the last assembly");
        using var session = forum.Session();
        await session.LogInAsync("wanda");
        var profile = await session.OpenAsync("/u/wanda");
        var form = await session.OpenAsync(profile.Document.QuerySelector("a.profile-preferences")!.GetAttribute("href")!);
        Assert.Equal("en", form.Document.DocumentElement.GetAttribute("lang"));

        var saved = await session.SubmitAndFollowAsync(form, "form.preferences-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Wanda Silva",
            ["Input.Bio"] = "Backend work, mostly Go.",
            ["Input.Organization"] = "Cooperativa Norte",
            ["Input.Location"] = "Porto",
            ["Input.TimeZone"] = "Europe/Lisbon",
            ["Input.Locale"] = "es",
        });
        Assert.Equal("es", saved.Document.DocumentElement.GetAttribute("lang"));
        Assert.NotEmpty(saved.TextOf(".notice"));
        Assert.Equal("Wanda Silva", ValueOf(saved, "#Input_Name"));
        Assert.Equal("Backend work, mostly Go.", ValueOf(saved, "#Input_Bio"));
        Assert.Equal("Europe/Lisbon", ValueOf(saved, "#Input_TimeZone"));
        Assert.Equal("es", ValueOf(saved, "#Input_Locale"));

        var latest = await session.OpenAsync("/latest");
        var row = latest.Document.QuerySelector($"tr[data-topic-id='{topic.Id}']")!;
        Assert.EndsWith("(Europe/Lisbon)", row.QuerySelector("time")!.GetAttribute("title"));

        profile = await session.OpenAsync("/u/wanda");
        Assert.Equal("Wanda Silva", profile.TextOf(".profile-name"));
        Assert.Equal("Cooperativa Norte", profile.TextOf(".profile-organization"));
        Assert.Equal("Porto", profile.TextOf(".profile-location"));
        Assert.Equal("Europe/Lisbon", profile.TextOf(".profile-time-zone"));
        var stored = await forum.Get<IUserStore>().FindByIdAsync(wanda, default);
        Assert.Equal(("Europe/Lisbon", "es"), (stored!.TimeZone, stored.Locale));
    }

    [Fact]
    public async Task Invalid_preferences_are_refused_and_the_form_keeps_what_was_typed()
    {
        await SetUpAsync();
        var yago = await forum.UserAsync("yago");
        using var session = forum.Session();
        await session.LogInAsync("yago");
        var form = await session.OpenAsync("/my/preferences");
        var longName = new string('n', 101);

        var answer = await session.SubmitAsync(form, "form.preferences-form", new Dictionary<string, string>
        {
            ["Input.Name"] = longName,
            ["Input.Bio"] = "Still here.",
            ["Input.TimeZone"] = "Mars/Olympus_Mons",
            ["Input.Locale"] = "fr",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Name must be at most 100 characters long.", answer.Errors);
        Assert.Contains("Unknown time zone.", answer.Errors);
        Assert.Contains("Unknown language.", answer.Errors);
        Assert.Equal(longName, ValueOf(answer, "#Input_Name"));
        Assert.Equal("Still here.", ValueOf(answer, "#Input_Bio"));
        Assert.Equal("Mars/Olympus_Mons", ValueOf(answer, "#Input_TimeZone"));
        Assert.Empty(answer.Document.QuerySelectorAll(".notice"));

        var stored = await forum.Get<IUserStore>().FindByIdAsync(yago, default);
        Assert.Equal(("", "UTC", "en"), (stored!.Name, stored.TimeZone, stored.Locale));
    }

    [Fact]
    public async Task One_save_keeps_every_change_on_the_page_and_the_confirmation_is_where_the_browser_lands()
    {
        await SetUpAsync();
        var zoe = await forum.UserAsync("zoe_prefs");
        using var session = forum.Session();
        await session.LogInAsync("zoe_prefs");
        var form = await session.OpenAsync("/my/preferences");
        Assert.Single(form.Document.QuerySelectorAll("main form:has(#Input_Name)"));
        Assert.Same(form.Document.QuerySelector("#Input_Name")!.Closest("form"), form.Document.QuerySelector("#Digest_Frequency")!.Closest("form"));
        Assert.Same(form.Document.QuerySelector("#Input_Name")!.Closest("form"), form.Document.QuerySelector("#OnCreate")!.Closest("form"));

        // The member changes the name, then the summary and notification settings further down, and saves once.
        var answer = await session.SubmitAsync(form, "form.preferences-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Zoe Prado",
            ["Digest.Frequency"] = "daily",
            ["Digest.Hour"] = "6",
            ["OnCreate"] = "2",
        });
        Assert.Equal("/my/preferences?saved=true#saved", answer.Location);
        var saved = await session.OpenAsync(answer.Location!);
        var notice = saved.Document.GetElementById("saved")!;
        Assert.Equal("Your preferences are saved.", notice.TextContent.Trim());
        Assert.Equal("-1", notice.GetAttribute("tabindex"));
        Assert.True(notice.CompareDocumentPosition(saved.Document.QuerySelector("form.preferences-form")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following),
            "The confirmation comes before the form, at the top of the page.");
        Assert.Equal("Zoe Prado", ValueOf(saved, "#Input_Name"));
        Assert.Equal("daily", saved.Document.QuerySelector("#Digest_Frequency option[selected]")?.GetAttribute("value"));
        Assert.Equal("6", ValueOf(saved, "#Digest_Hour"));
        Assert.Equal("2", saved.Document.QuerySelector("#OnCreate option[selected]")?.GetAttribute("value"));
        Assert.Equal("Zoe Prado", (await forum.Get<IUserStore>().FindByIdAsync(zoe, default))!.Name);
    }

    [Fact]
    public async Task A_refused_summary_hour_does_not_lose_the_name_typed_beside_it()
    {
        await SetUpAsync();
        var xena = await forum.UserAsync("xena_prefs");
        using var session = forum.Session();
        await session.LogInAsync("xena_prefs");
        var form = await session.OpenAsync("/my/preferences");

        var answer = await session.SubmitAsync(form, "form.preferences-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Xena Ruiz",
            ["Digest.Frequency"] = "daily",
            ["Digest.Hour"] = "25",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Choose an hour between 0 and 23.", answer.Errors);
        Assert.Equal("Xena Ruiz", ValueOf(answer, "#Input_Name"));
        Assert.Equal("daily", answer.Document.QuerySelector("#Digest_Frequency option[selected]")?.GetAttribute("value"));
        Assert.Empty(answer.Document.QuerySelectorAll(".notice"));
        Assert.Equal("Xena Ruiz", (await forum.Get<IUserStore>().FindByIdAsync(xena, default))!.Name);
    }
}
