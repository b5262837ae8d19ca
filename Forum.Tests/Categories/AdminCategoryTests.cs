using System.Net;
using AngleSharp.Html.Dom;
using Dapper;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;
using Npgsql;

namespace Forum.Tests.Categories;

public sealed class AdminCategoryTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private async Task<WebSession> AdminAsync(string name)
    {
        await forum.SetUpAsync(name);
        var session = forum.Session();
        await session.LogInAsync(name);
        return session;
    }

    private async Task<long> GroupAsync(string name)
    {
        await using var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("INSERT INTO groups (name) VALUES (@Name) RETURNING id", new { Name = name });
    }

    private static string ValueOf(WebSession.Page page, string selector) => page.Document.QuerySelector(selector) switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value ?? "",
        _ => throw new InvalidOperationException($"No field {selector} on {page.Url}"),
    };

    private static void Check(WebSession.Page page, string selector) =>
        ((IHtmlInputElement)page.Document.QuerySelector(selector)!).IsChecked = true;

    [Fact]
    public async Task An_admin_creates_a_category_whose_slug_comes_from_its_name()
    {
        using var admin = await AdminAsync("creator_admin");
        var form = await admin.OpenAsync("/admin/categories");
        var list = await admin.SubmitAndFollowAsync(form, "form.category-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Cooperativas Técnicas",
            ["Input.Slug"] = "",
            ["Input.Description"] = "Where coops introduce themselves.",
            ["Input.Color"] = "#12ab9f",
            ["Input.Position"] = "3",
        });
        Assert.Equal("/admin/categories", list.Url);
        var row = list.Document.QuerySelectorAll("tr.category-row").Single(r => r.TextContent.Contains("Cooperativas Técnicas"));
        Assert.Equal("cooperativas-tecnicas", row.QuerySelector(".slug")!.TextContent);

        using var guest = forum.Session();
        var categories = await guest.OpenAsync("/categories");
        var shown = categories.Document.QuerySelectorAll("tr.category-row").Single(r => r.TextContent.Contains("Cooperativas Técnicas"));
        Assert.Contains("Where coops introduce themselves.", shown.TextContent);
        Assert.Contains("12AB9F", shown.QuerySelector(".category-swatch")!.GetAttribute("data-category-color"));
        Assert.StartsWith("/c/cooperativas-tecnicas/", shown.QuerySelector("a.category-name")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_admin_makes_a_category_private_to_chosen_groups_and_moves_it_under_a_parent()
    {
        using var admin = await AdminAsync("editor_admin");
        var parent = await forum.CategoryAsync("Regions");
        var category = await forum.CategoryAsync("Iberia");
        var designers = await GroupAsync("Designers");
        var devs = await GroupAsync("Developers");
        await GroupAsync("Accountants");

        var form = await admin.OpenAsync($"/admin/categories/{category}");
        Assert.Equal("Iberia", ValueOf(form, "#Input_Name"));
        Assert.Equal("iberia", ValueOf(form, "#Input_Slug"));
        Assert.DoesNotContain(form.Document.QuerySelectorAll("#Input_ParentId option"), o => o.GetAttribute("value") == category.ToString());
        Check(form, "#Input_IsReadRestricted");
        Check(form, $"input[name='Input.GroupIds'][value='{designers}']");
        Check(form, $"input[name='Input.GroupIds'][value='{devs}']");
        await admin.SubmitAndFollowAsync(form, "form.category-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Iberian peninsula",
            ["Input.ParentId"] = parent.ToString(),
        });

        var again = await admin.OpenAsync($"/admin/categories/{category}");
        Assert.Equal("Iberian peninsula", ValueOf(again, "#Input_Name"));
        Assert.Equal(parent.ToString(), ValueOf(again, "#Input_ParentId"));
        Assert.True(((IHtmlInputElement)again.Document.QuerySelector("#Input_IsReadRestricted")!).IsChecked);
        var checkedGroups = again.Document.QuerySelectorAll("input[name='Input.GroupIds']").Cast<IHtmlInputElement>()
            .Where(box => box.IsChecked).Select(box => box.Value);
        Assert.Equal([designers.ToString(), devs.ToString()], checkedGroups.Order());

        using var guest = forum.Session();
        Assert.DoesNotContain("Iberian peninsula", (await guest.OpenAsync("/categories")).Text);
        var staffView = await admin.OpenAsync("/categories");
        Assert.Contains("subcategory", staffView.Document.QuerySelector($"tr[data-category-id='{category}']")!.ClassName);
    }

    [Theory]
    [InlineData("Bad slug", "not a slug!", "0088CC", "Slug may contain only lowercase letters, digits and single dashes.")]
    [InlineData("Bad colour", "bad-colour", "blue", "Colour must be six hexadecimal digits, like 0088CC.")]
    public async Task Invalid_input_is_refused_and_the_form_keeps_what_was_typed(string name, string slug, string color, string message)
    {
        using var admin = await AdminAsync($"check_{color}");
        var form = await admin.OpenAsync("/admin/categories");
        var answer = await admin.SubmitAsync(form, "form.category-form", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Slug"] = slug, ["Input.Color"] = color, ["Input.Description"] = "Typed with care.",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains(message, answer.Errors);
        Assert.Equal(name, ValueOf(answer, "#Input_Name"));
        Assert.Equal(slug, ValueOf(answer, "#Input_Slug"));
        Assert.Equal(color, ValueOf(answer, "#Input_Color"));
        Assert.Equal("Typed with care.", ValueOf(answer, "#Input_Description"));
    }

    [Fact]
    public async Task A_slug_taken_by_another_category_is_refused_on_create_and_on_edit()
    {
        using var admin = await AdminAsync("slug_admin");
        await forum.CategoryAsync("Taken");
        var other = await forum.CategoryAsync("Free");
        var form = await admin.OpenAsync("/admin/categories");
        var answer = await admin.SubmitAsync(form, "form.category-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Another taken", ["Input.Slug"] = "taken",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("That slug is taken.", answer.Errors);
        Assert.Equal("Another taken", ValueOf(answer, "#Input_Name"));

        var edit = await admin.OpenAsync($"/admin/categories/{other}");
        var refused = await admin.SubmitAsync(edit, "form.category-form", new Dictionary<string, string> { ["Input.Slug"] = "taken" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("That slug is taken.", refused.Errors);
        Assert.Equal("taken", ValueOf(refused, "#Input_Slug"));
        Assert.Equal("free", ValueOf(await admin.OpenAsync($"/admin/categories/{other}"), "#Input_Slug"));
    }

    [Fact]
    public async Task A_category_cannot_sit_inside_a_subcategory_nor_take_a_parent_while_it_has_children()
    {
        using var admin = await AdminAsync("nesting_admin");
        var top = await forum.CategoryAsync("Continents");
        var child = await forum.CategoryAsync("Europe", parentId: top);
        var other = await forum.CategoryAsync("Oceans");

        var form = await admin.OpenAsync("/admin/categories");
        var answer = await admin.SubmitAsync(form, "form.category-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Portugal", ["Input.ParentId"] = child.ToString(),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("A category can only sit inside a top-level category.", answer.Errors);
        Assert.Equal("Portugal", ValueOf(answer, "#Input_Name"));

        var edit = await admin.OpenAsync($"/admin/categories/{top}");
        var refused = await admin.SubmitAsync(edit, "form.category-form", new Dictionary<string, string> { ["Input.ParentId"] = other.ToString() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("A category with subcategories cannot sit inside another.", refused.Errors);
    }

    [Fact]
    public async Task A_position_that_is_not_a_number_is_refused()
    {
        using var admin = await AdminAsync("position_admin");
        var form = await admin.OpenAsync("/admin/categories");
        var answer = await admin.SubmitAsync(form, "form.category-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Numbers", ["Input.Position"] = "first",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Enter a whole number.", answer.Errors);
        Assert.Equal("first", ValueOf(answer, "#Input_Position"));
    }

    [Theory]
    [InlineData(UserRole.Member)]
    [InlineData(UserRole.Moderator)]
    public async Task Members_and_moderators_are_refused_the_admin_pages_and_change_nothing(UserRole role)
    {
        await forum.SetUpAsync($"guard_{role}");
        var category = await forum.CategoryAsync($"Guarded {role}");
        var username = $"intruder_{role}".ToLowerInvariant();
        await forum.UserAsync(username, role);
        using var intruder = forum.Session();
        await intruder.LogInAsync(username);

        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.GetAsync("/admin/categories")).Status);
        var forbidden = await intruder.GetAsync($"/admin/categories/{category}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Contains("Not allowed", forbidden.Text);

        // A well-formed post (valid antiforgery token from a form they may use) is refused all the same.
        var composer = await intruder.OpenAsync("/new-topic");
        var token = ((IHtmlInputElement)composer.Document.QuerySelector("form.composer input[name=__RequestVerificationToken]")!).Value;
        var create = await intruder.Client.PostAsync("/admin/categories", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Name"] = $"Hijacked {role}", ["Input.Slug"] = $"hijacked-{role}".ToLowerInvariant(), ["Input.Color"] = "000000",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        var rename = await intruder.Client.PostAsync($"/admin/categories/{category}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Name"] = "Renamed", ["Input.Slug"] = "renamed", ["Input.Color"] = "000000",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, rename.StatusCode);

        using var guest = forum.Session();
        var categories = await guest.OpenAsync("/categories");
        Assert.DoesNotContain($"Hijacked {role}", categories.Text);
        Assert.Contains($"Guarded {role}", categories.Text);
        Assert.DoesNotContain("Renamed", categories.Text);
    }

    [Fact]
    public async Task Guests_are_sent_to_log_in()
    {
        await forum.SetUpAsync("guest_gate_admin");
        using var guest = forum.Session();
        var answer = await guest.GetAsync("/admin/categories");
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.StartsWith("/login", new Uri(new Uri("http://localhost"), answer.Location!).PathAndQuery);
    }
}
