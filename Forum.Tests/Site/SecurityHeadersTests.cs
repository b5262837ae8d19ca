using System.Net;
using Forum.Core.Accounts;
using Forum.Core.Topics;
using Forum.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Forum.Tests.Site;

/// <summary>
/// Every kind of response carries the same protective headers: a policy that runs only our own script files and
/// lets no other site frame the forum, no MIME sniffing, and a referrer cut to the origin when leaving the site.
/// </summary>
public sealed class SecurityHeadersTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private static void AssertProtected(HttpResponseMessage response, string what)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values) : "";

        var policy = Header("Content-Security-Policy");
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.True(directives.ContainsKey("script-src"), $"{what}: no script-src in '{policy}'");
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("style-src 'self'", directives["style-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.StartsWith("connect-src 'self'", directives["connect-src"]);
        Assert.DoesNotContain("unsafe", policy);
        Assert.True(Header("X-Frame-Options") == "DENY", $"{what}: X-Frame-Options '{Header("X-Frame-Options")}'");
        Assert.True(Header("X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options '{Header("X-Content-Type-Options")}'");
        Assert.True(Header("Referrer-Policy") == "strict-origin-when-cross-origin", $"{what}: Referrer-Policy '{Header("Referrer-Policy")}'");
    }

    // What the policy would block: a page that relied on it would break in the browser.
    private static void AssertNothingInline(WebSession.Page page)
    {
        Assert.All(page.Document.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src"), $"{page.Url}: inline script {script.OuterHtml}"));
        Assert.Empty(page.Document.QuerySelectorAll("style"));
        var inline = page.Document.All.SelectMany(e => e.Attributes.Select(a => (e.LocalName, a.Name)))
            .Where(a => a.Name == "style" || a.Name.StartsWith("on", StringComparison.Ordinal)).ToList();
        Assert.True(inline.Count == 0, $"{page.Url}: inline attributes {string.Join(", ", inline)}");
        Assert.DoesNotContain("javascript:", page.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_fragments_json_static_files_errors_and_the_hub_all_carry_the_headers()
    {
        var adminId = await forum.SetUpAsync("admin-headers");
        var categoryId = await forum.CategoryAsync("Header checks");
        var memberId = await forum.UserAsync("mira-headers");
        var topic = await forum.TopicAsync(memberId, categoryId, "Every page keeps its headers on");
        await forum.ReplyAsync(adminId, topic.Id, "A reply, so the topic has a second post.", role: UserRole.Admin);
        var topicUrl = $"/t/{topic.Slug}/{topic.Id}";

        using var guest = forum.Session();
        string[] guestPages = ["/", "/latest", topicUrl, $"/c/{Slug.For("Header checks")}/{categoryId}", "/categories", "/login", "/signup", "/u/mira-headers"];
        foreach (var url in guestPages)
        {
            var response = await guest.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            AssertProtected(response, url);
            AssertNothingInline(await WebSession.Page.ReadAsync(response));
        }

        var missing = await guest.Client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertProtected(missing, "404 page");
        foreach (var file in new[] { "/css/site.css", "/js/site.js", "/js/live.js", "/lib/signalr/signalr.min.js" })
        {
            var response = await guest.Client.GetAsync(file);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertProtected(response, file);
        }
        var fragment = await guest.Client.GetAsync($"/t/{topic.Id}/posts?after=0");
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        AssertProtected(fragment, "posts fragment");
        var csrf = await guest.Client.GetAsync("/session/csrf");
        Assert.Equal("application/json", csrf.Content.Headers.ContentType?.MediaType);
        AssertProtected(csrf, "/session/csrf");
        var refusedJson = await guest.Client.PostAsync("/posts.json", new StringContent($$"""{"topic_id": {{topic.Id}}, "raw": "No sign-in."}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, refusedJson.StatusCode);
        AssertProtected(refusedJson, "/posts.json");
        var negotiate = await guest.Client.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        AssertProtected(negotiate, "hub negotiate");

        using var member = forum.Session();
        await member.LogInAsync("mira-headers");
        foreach (var url in new[] { "/my/preferences", "/notifications", topicUrl })
        {
            var response = await member.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} as a member answered {(int)response.StatusCode}");
            AssertProtected(response, url + " (member)");
            AssertNothingInline(await WebSession.Page.ReadAsync(response));
        }
        var forbidden = await member.Client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        AssertProtected(forbidden, "403 page");

        using var admin = forum.Session();
        await admin.LogInAsync("admin-headers");
        foreach (var url in new[] { "/admin", "/admin/users", "/admin/categories", "/admin/mail", "/review" })
        {
            var response = await admin.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} as admin answered {(int)response.StatusCode}");
            AssertProtected(response, url + " (admin)");
            AssertNothingInline(await WebSession.Page.ReadAsync(response));
        }
    }

    [Fact]
    public async Task A_page_that_sets_the_antiforgery_cookie_still_refuses_to_be_framed_by_anyone()
    {
        await forum.SetUpAsync("admin-frames");
        using var guest = forum.Session();
        var login = await guest.Client.GetAsync("/login");
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Equal(["DENY"], login.Headers.GetValues("X-Frame-Options"));

        var again = await guest.Client.GetAsync("/login");
        Assert.False(again.Headers.Contains("Set-Cookie"));
        Assert.Equal(["DENY"], again.Headers.GetValues("X-Frame-Options"));
    }
}
