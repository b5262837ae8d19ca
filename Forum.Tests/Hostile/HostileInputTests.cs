using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Forum.Core.Accounts;
using Forum.Core.Markdown;
using Forum.Core.Topics;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Hostile;

/// <summary>One forum for the whole corpus: an admin, a member signed in, a topic to reply to and a post to edit.</summary>
public sealed class HostileForum : ForumApp, IAsyncLifetime
{
    public WebSession Member { get; private set; } = null!;
    public CreatedTopic Topic { get; private set; } = null!;
    public long CategoryId { get; private set; }
    public long EditablePostId { get; private set; }
    public string Token { get; private set; } = "";
    public string Csrf { get; private set; } = "";

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SetUpAsync("hostile.admin");
        var memberId = await UserAsync("hostile.member");
        foreach (var name in new[] { "amara.baobab", "lucia.trama", "wanjiru.msingi", "diego.nodosur" }) await UserAsync(name);
        CategoryId = await CategoryAsync("Hostile input");
        Topic = await TopicAsync(memberId, CategoryId, "Where hostile replies land", "The opening post of the topic that hostile replies go to.");
        EditablePostId = (await ReplyAsync(memberId, Topic.Id, "A reply of the member's own, for the edit form's preview.")).PostId;
        Member = Session();
        await Member.LogInAsync("hostile.member");
        var page = await Member.OpenAsync($"/t/{Topic.Slug}/{Topic.Id}");
        Token = page.Document.QuerySelector("#reply input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Csrf = (await Member.Client.GetFromJsonAsync<JsonElement>("/session/csrf")).GetProperty("csrf").GetString()!;
    }

    public new async Task DisposeAsync()
    {
        Member.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>
/// The hostile corpus sent through every form that takes it and through /posts.json: never a 500, never executable
/// HTML on the page it reaches (parsed with AngleSharp), each answer in time, refusals with their reason.
/// </summary>
public sealed class HostileInputTests(HostileForum forum) : IClassFixture<HostileForum>
{
    /// <summary>Generous: a page round trip on a busy two-core machine. The renderer's own budget is tighter (HostileMarkdownTests).</summary>
    private static readonly TimeSpan ResponseBudget = TimeSpan.FromSeconds(3);

    private static readonly Dictionary<string, string> BodiesByName = HostileCorpus.Bodies().ToDictionary(b => b.Name, b => b.Raw);

    public static TheoryData<string> BodyNames => new(BodiesByName.Keys);

    public static TheoryData<string> TitleNames => new(HostileCorpus.Titles.Select(t => t.Name));

    public static TheoryData<string> UsernameCases => new(HostileCorpus.RefusedUsernames.Select(u => u.Name));

    public static TheoryData<string> TimeZoneCases => new(HostileCorpus.TimeZones.Select(z => z.Name));

    private string TopicUrl => $"/t/{forum.Topic.Slug}/{forum.Topic.Id}";

    [Theory]
    [MemberData(nameof(BodyNames))]
    public async Task A_hostile_body_is_previewed_saved_and_shown_inert_or_refused_with_its_reason(string name)
    {
        var raw = BodiesByName[name];

        var replyPreview = await TimedPostFormAsync($"{TopicUrl}?handler=Preview", new() { ["Input.Raw"] = raw });
        AssertAnswered(replyPreview, "reply preview of " + name);

        var topicPreview = await TimedPostFormAsync("/new-topic?handler=Preview", new()
        {
            ["Input.Title"] = "A topic previewed with a hostile body",
            ["Input.CategoryId"] = forum.CategoryId.ToString(CultureInfo.InvariantCulture),
            ["Input.Raw"] = raw,
        });
        AssertAnswered(topicPreview, "new-topic preview of " + name);

        var editPreview = await TimedPostFormAsync($"/p/{forum.EditablePostId}/edit?handler=Preview", new() { ["Input.Raw"] = raw, ["Input.Version"] = "1" });
        AssertAnswered(editPreview, "edit preview of " + name);

        var (status, json, elapsed) = await PostJsonAsync(JsonSerializer.Serialize(new { topic_id = forum.Topic.Id, raw }));
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge,
            $"/posts.json answered {(int)status} for {name}: {json}");
        Assert.True(elapsed < ResponseBudget, $"/posts.json took {elapsed.TotalMilliseconds:F0} ms for {name}");
        if (status != HttpStatusCode.OK)
        {
            Assert.NotEmpty(json.GetProperty("errors").EnumerateArray());
            return;
        }
        var number = json.GetProperty("post_number").GetInt32();
        var shown = await forum.Member.OpenAsync($"{TopicUrl}/{number}");
        Assert.NotNull(shown.Document.QuerySelector($"#post-{number}"));
        InertHtml.AssertInert(shown.Document, "topic page showing " + name);
    }

    [Theory]
    [MemberData(nameof(TitleNames))]
    public async Task A_hostile_title_becomes_one_visible_line_or_is_refused(string name)
    {
        var (_, title, accepted) = HostileCorpus.Titles.Single(t => t.Name == name);
        var answer = await PostFormAsync("/new-topic", new()
        {
            ["Input.Title"] = title,
            ["Input.CategoryId"] = forum.CategoryId.ToString(CultureInfo.InvariantCulture),
            ["Input.Raw"] = "A body long enough to be accepted, under a hostile title.",
        });
        if (!accepted)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
            Assert.Contains("Title must be 15 to 255 characters long.", answer.Errors);
            InertHtml.AssertInert(answer.Document, "refused title " + name);
            return;
        }
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"title {name} answered {(int)answer.Status}: {answer.Errors}");
        var topic = await forum.Member.OpenAsync(answer.Location!);
        InertHtml.AssertInert(topic.Document, "topic titled " + name);
        var shown = topic.Document.QuerySelector("h1")!.TextContent.Trim();
        Assert.DoesNotContain(shown, c => char.IsControl(c) || c is '\u202E' or '\u202C');
        Assert.True(TopicRules.VisibleLength(shown) >= TopicRules.TitleMin, $"shown title '{shown}'");
        var latest = await forum.Member.OpenAsync("/latest");
        InertHtml.AssertInert(latest.Document, "latest listing " + name);
    }

    [Theory]
    [MemberData(nameof(UsernameCases))]
    public async Task A_reserved_misshapen_or_look_alike_username_is_refused_at_sign_up(string name)
    {
        var username = HostileCorpus.RefusedUsernames.Single(u => u.Name == name).Username;
        using var guest = forum.Session();
        var form = await guest.OpenAsync("/signup");
        var answer = await guest.SubmitAsync(form, "form.account-form", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Email"] = $"signup.{Math.Abs(name.GetHashCode())}@example.org",
            ["Input.Password"] = "a-long-enough-password",
            ["Input.TimeZone"] = "Europe/Madrid",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        var reason = answer.Errors.Length > 0 ? answer.Errors : answer.TextOf(".error-page");
        Assert.False(string.IsNullOrWhiteSpace(reason), $"no reason shown for {name}");
        InertHtml.AssertInert(answer.Document, "sign-up of " + name);
        if (!username.Contains('\0')) Assert.Null(await forum.Get<IUserStore>().FindByUsernameAsync(username, default));
    }

    [Fact]
    public async Task A_plain_new_name_is_still_accepted_and_its_look_alike_then_refused()
    {
        using var first = forum.Session();
        var accepted = await first.SubmitAsync(await first.OpenAsync("/signup"), "form.account-form", new Dictionary<string, string>
        {
            ["Input.Username"] = "marta.colmena", ["Input.Email"] = "marta.colmena@example.org", ["Input.Password"] = "a-long-enough-password",
        });
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.NotNull(await forum.Get<IUserStore>().FindByUsernameAsync("marta.colmena", default));

        using var second = forum.Session();
        var refused = await second.SubmitAsync(await second.OpenAsync("/signup"), "form.account-form", new Dictionary<string, string>
        {
            ["Input.Username"] = "rnarta.co1mena", ["Input.Email"] = "rnarta@example.org", ["Input.Password"] = "a-long-enough-password",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("That username looks too much like an existing one. Choose another.", refused.Errors);
    }

    [Theory]
    [MemberData(nameof(TimeZoneCases))]
    public async Task A_time_zone_is_stored_as_postgresql_spells_it_or_refused(string name)
    {
        var (_, sent, stored) = HostileCorpus.TimeZones.Single(z => z.Name == name);
        var form = await forum.Member.OpenAsync("/my/preferences");
        var answer = await forum.Member.SubmitAsync(form, "form.preferences-form", new Dictionary<string, string> { ["Input.TimeZone"] = sent });
        InertHtml.AssertInert(answer.Document, "preferences with zone " + name);
        if (stored is null)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
            if (sent.Contains('\0')) Assert.Contains("NUL character", answer.TextOf(".error-page"));
            else Assert.Contains("Unknown time zone.", answer.Errors);
            return;
        }
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"zone {name} answered {(int)answer.Status}: {answer.Errors}");
        var user = await forum.Get<IUserStore>().FindByUsernameAsync("hostile.member", default);
        Assert.Equal(stored, user!.TimeZone);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json at all")]
    [InlineData("{\"topic_id\": \"seven\", \"raw\": \"A reply whose topic id is a word.\"}")]
    [InlineData("{\"topic_id\": 1, \"raw\": 42}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"topic_id\": 99999999999999999999999, \"raw\": \"An id past the range of a long.\"}")]
    public async Task Malformed_json_to_posts_json_is_answered_400_with_the_reason(string body)
    {
        var (status, json, _) = await PostJsonAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["The request body is not valid JSON with topic_id and raw."], json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Json_sent_as_a_form_is_answered_415_with_the_reason()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/posts.json") { Content = new StringContent("topic_id=1&raw=hello", Encoding.UTF8, "text/plain") };
        request.Headers.Add("X-CSRF-Token", forum.Csrf);
        var response = await forum.Member.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.NotEmpty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Deep_nesting_saved_by_json_is_refused_422_with_a_clear_message()
    {
        var (status, json, _) = await PostJsonAsync(JsonSerializer.Serialize(new { topic_id = forum.Topic.Id, raw = new string('>', 5_000) + " deep" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal([UnrenderablePostException.TooDeep], json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_issues_costly_reply_is_refused_422_as_too_complex_and_keeps_what_was_typed()
    {
        var raw = string.Concat(Enumerable.Repeat("[a](", 7_000));
        var answer = await PostFormAsync($"{TopicUrl}?handler=Reply", new() { ["Input.Raw"] = raw });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains(UnrenderablePostException.TooComplex, answer.Errors);
        Assert.Equal(raw, ((AngleSharp.Html.Dom.IHtmlTextAreaElement)answer.Document.QuerySelector("#reply textarea")!).Value);
    }

    [Fact]
    public async Task A_nul_byte_in_any_form_field_or_address_is_refused_422_with_the_reason()
    {
        using var guest = forum.Session();
        var login = await guest.OpenAsync("/login");
        var answers = new List<WebSession.Page>
        {
            await guest.SubmitAsync(login, "form.account-form", new Dictionary<string, string> { ["Input.Login"] = "hostile\0member", ["Input.Password"] = "whatever-it-is" }),
            await PostFormAsync("/new-topic", new() { ["Input.Title"] = "A title with a NUL \0 inside it", ["Input.CategoryId"] = forum.CategoryId.ToString(CultureInfo.InvariantCulture), ["Input.Raw"] = "A body long enough to be accepted." }),
            await PostFormAsync("/my/preferences", new() { ["Input.Name"] = "Name\0", ["Input.TimeZone"] = "UTC", ["Input.Locale"] = "en" }),
            await guest.GetAsync("/latest?page=%00"),
        };
        Assert.All(answers, answer =>
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
            Assert.Contains("NUL character", answer.TextOf(".error-page"));
        });
    }

    [Fact]
    public async Task A_form_over_the_body_limit_is_refused_413_with_a_page_saying_it_is_too_large()
    {
        // The limit is 4 MB, or an image at the upload limit plus the composer's text (4.25 MB by default).
        var overLimit = (int)Forum.Web.Infrastructure.HostileRequestGuard.BodyLimitOf(new Forum.Core.ForumOptions()) + 10;
        var answer = await PostFormAsync($"{TopicUrl}?handler=Reply", new() { ["Input.Raw"] = new string('x', overLimit) });
        Assert.True(answer.Status == HttpStatusCode.RequestEntityTooLarge, $"{(int)answer.Status}: {answer.Text[..Math.Min(answer.Text.Length, 3000)]}");
        Assert.Contains("larger than the forum accepts", answer.TextOf(".error-page"));

        var (status, json, _) = await PostJsonAsync(JsonSerializer.Serialize(new { topic_id = forum.Topic.Id, raw = new string('x', overLimit) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.NotEmpty(json.GetProperty("errors").EnumerateArray());
    }

    [Theory]
    [InlineData("/u/ñandú?tab=posts", "/u/%C3%B1and%C3%BA?tab=posts")]
    [InlineData("/t/café-🎉/1", "/t/caf%C3%A9-%F0%9F%8E%89/1")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    public async Task After_the_password_is_accepted_any_return_address_redirects_safely(string returnUrl, string expected)
    {
        using var session = forum.Session();
        var login = await session.OpenAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var answer = await session.SubmitAsync(login, "form.account-form", new Dictionary<string, string>
        {
            ["Input.Login"] = "lucia.trama", ["Input.Password"] = ForumApp.PasswordOf("lucia.trama"), ["ReturnUrl"] = returnUrl,
        });
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal(expected, answer.Location);
    }

    [Fact]
    public async Task A_guest_cannot_preview_and_is_sent_to_log_in()
    {
        using var guest = forum.Session();
        var login = await guest.OpenAsync("/login");
        var token = login.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await guest.Client.PostAsync($"{TopicUrl}?handler=Preview", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Raw"] = string.Concat(Enumerable.Repeat("[a](", 15_000)), ["__RequestVerificationToken"] = token,
        }));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"guest preview answered {(int)response.StatusCode}");
        Assert.StartsWith("/login", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task A_preview_over_the_saving_length_limit_is_refused_like_saving()
    {
        var answer = await PostFormAsync($"{TopicUrl}?handler=Preview", new() { ["Input.Raw"] = new string('x', TopicRules.BodyMax + 1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Post must be 1 to 32000 characters long.", answer.Errors);
        Assert.Null(answer.Document.QuerySelector(".preview"));
    }

    private static void AssertAnswered((WebSession.Page Page, TimeSpan Elapsed) timed, string what)
    {
        var page = timed.Page;
        Assert.True((int)page.Status < 500, $"{what} answered {(int)page.Status}: {page.Text[..Math.Min(page.Text.Length, 600)]}");
        Assert.True(timed.Elapsed < ResponseBudget, $"{what} took {timed.Elapsed.TotalMilliseconds:F0} ms");
        if (page.Status != HttpStatusCode.OK)
        {
            var reason = page.Errors.Length > 0 ? page.Errors : page.TextOf(".error-page");
            Assert.False(string.IsNullOrWhiteSpace(reason), $"{what} answered {(int)page.Status} without a reason");
        }
        InertHtml.AssertInert(page.Document, what);
    }

    private async Task<WebSession.Page> PostFormAsync(string url, Dictionary<string, string> fields) =>
        (await TimedPostFormAsync(url, fields)).Page;

    private async Task<(WebSession.Page Page, TimeSpan Elapsed)> TimedPostFormAsync(string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = forum.Token;
        var clock = Stopwatch.StartNew();
        var response = await forum.Member.Client.PostAsync(url, new FormUrlEncodedContent(fields));
        var page = await WebSession.Page.ReadAsync(response);
        return (page, clock.Elapsed);
    }

    private async Task<(HttpStatusCode Status, JsonElement Json, TimeSpan Elapsed)> PostJsonAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/posts.json") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", forum.Csrf);
        var clock = Stopwatch.StartNew();
        var response = await forum.Member.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed;
        Assert.True(text.Length > 0, $"/posts.json answered {(int)response.StatusCode} with no body");
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), elapsed);
    }
}
