using System.Net;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Site;

public sealed class SiteSafetyTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task An_unknown_address_shows_the_not_found_page_inside_the_layout()
    {
        await forum.SetUpAsync("admin404");
        using var guest = forum.Session();
        var page = await guest.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.TextOf(".error-page h1"));
        Assert.NotNull(page.Document.QuerySelector("header.site-header a[href='/latest']"));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_creates_nothing()
    {
        await forum.SetUpAsync("adminforgery");
        var categoryId = await forum.CategoryAsync("Forgery checks");
        await forum.UserAsync("hana");
        using var hana = forum.Session();
        await hana.LogInAsync("hana");

        var forged = await hana.Client.PostAsync("/new-topic", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Title"] = "A topic from another site's form",
            ["Input.CategoryId"] = categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Raw"] = "This should never be saved because the token is missing.",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var latest = await hana.OpenAsync("/latest");
        Assert.DoesNotContain("A topic from another site's form", latest.Text);
    }
}
