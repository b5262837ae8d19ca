using System.Net;
using AngleSharp.Html.Dom;
using Dapper;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Forum.Tests.Accounts;

public sealed class SignupAndLoginTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private async Task<WebSession> GuestAsync()
    {
        await forum.SetUpAsync("admin" + Guid.NewGuid().ToString("N")[..8]);
        return forum.Session();
    }

    private static Task<WebSession.Page> SignUpAsync(WebSession session, WebSession.Page form, string username, string email, string password) =>
        session.SubmitAsync(form, "form.account-form", new Dictionary<string, string>
        {
            ["Input.Username"] = username, ["Input.Email"] = email, ["Input.Password"] = password,
        });

    private static string ValueOf(WebSession.Page page, string selector) => ((IHtmlInputElement)page.Document.QuerySelector(selector)!).Value;

    [Fact]
    public async Task Signing_up_asks_you_to_confirm_your_address_and_you_can_log_in_meanwhile()
    {
        using var guest = await GuestAsync();
        var form = await guest.OpenAsync("/signup");
        var answer = await SignUpAsync(guest, form, "lucia", "lucia@example.org", "a-long-enough-password");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Check your mail: we sent a message to lucia@example.org.", answer.TextOf(".check-mail"));
        Assert.Empty(answer.Document.QuerySelectorAll(".current-user"));

        await guest.LogInAsync("lucia", "a-long-enough-password");
        var home = await guest.OpenAsync("/");
        Assert.Equal("lucia", home.TextOf(".current-user"));
        Assert.Equal("/u/lucia", home.Document.QuerySelector(".current-user")!.GetAttribute("href"));
        Assert.Contains("Confirm your email address", home.TextOf(".confirm-email-banner"));
    }

    [Theory]
    [InlineData("ab", "ab@example.org", "a-long-enough-password", "Username must be 3 to 20 characters long.")]
    [InlineData("has space", "space@example.org", "a-long-enough-password", "Username may contain only letters, digits, underscore, dot and dash.")]
    [InlineData("shortpass", "shortpass@example.org", "tiny", "Password must be 10 to 200 characters long.")]
    [InlineData("bademail", "not-an-email", "a-long-enough-password", "Enter a valid email address.")]
    public async Task Bad_sign_up_input_is_refused_and_the_form_keeps_the_username_and_email(string username, string email, string password, string message)
    {
        using var guest = await GuestAsync();
        var form = await guest.OpenAsync("/signup");
        var answer = await SignUpAsync(guest, form, username, email, password);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains(message, answer.Errors);
        Assert.Equal(username, ValueOf(answer, "#Input_Username"));
        Assert.Equal(email, ValueOf(answer, "#Input_Email"));
        Assert.Equal("", ValueOf(answer, "#Input_Password"));
        Assert.Empty(answer.Document.QuerySelectorAll(".current-user"));
    }

    [Fact]
    public async Task A_username_is_taken_whatever_its_case()
    {
        await forum.UserAsync("Marta");
        using var guest = await GuestAsync();
        var form = await guest.OpenAsync("/signup");
        var answer = await SignUpAsync(guest, form, "marta", "another.marta@example.org", "a-long-enough-password");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("That username is taken.", answer.Errors);
        Assert.Equal("marta", ValueOf(answer, "#Input_Username"));
    }

    [Fact]
    public async Task The_stored_password_is_an_ASP_NET_Core_hash_not_the_password()
    {
        const string password = "correct horse battery";
        using var guest = await GuestAsync();
        await SignUpAsync(guest, await guest.OpenAsync("/signup"), "olga", "olga@example.org", password);

        await using var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var hash = await conn.QuerySingleAsync<string>("SELECT password_hash FROM users WHERE username = 'olga'");
        Assert.DoesNotContain(password, hash);
        var hasher = new PasswordHasher<object>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new object(), hash, password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new object(), hash, "correct horse battery staple"));
    }

    [Fact]
    public async Task A_member_logs_in_by_username_or_by_email()
    {
        await forum.UserAsync("pablo");
        var email = (await forum.Get<IUserStore>().FindByUsernameAsync("pablo", default))!.Email;

        using var byName = await GuestAsync();
        await byName.LogInAsync("PABLO", ForumApp.PasswordOf("pablo"));
        Assert.Equal("pablo", (await byName.OpenAsync("/")).TextOf(".current-user"));

        using var byEmail = forum.Session();
        await byEmail.LogInAsync(email.ToUpperInvariant(), ForumApp.PasswordOf("pablo"));
        Assert.Equal("pablo", (await byEmail.OpenAsync("/")).TextOf(".current-user"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        await forum.UserAsync("quim");
        using var guest = await GuestAsync();
        var form = await guest.OpenAsync("/login");
        var answer = await guest.SubmitAsync(form, "form.account-form", new Dictionary<string, string>
        {
            ["Input.Login"] = "quim", ["Input.Password"] = "not-the-password",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Incorrect username, email or password.", answer.Errors);
        Assert.Equal("quim", ValueOf(answer, "#Input_Login"));
        Assert.Equal("", ValueOf(answer, "#Input_Password"));
        Assert.Empty((await guest.OpenAsync("/")).Document.QuerySelectorAll(".current-user"));
    }

    [Fact]
    public async Task Logging_out_signs_you_out()
    {
        await forum.UserAsync("rita");
        using var rita = await GuestAsync();
        await rita.LogInAsync("rita");
        var home = await rita.OpenAsync("/");
        Assert.Equal("rita", home.TextOf(".current-user"));

        var answer = await rita.SubmitAsync(home, "form[action='/logout']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);

        var after = await rita.OpenAsync("/");
        Assert.Empty(after.Document.QuerySelectorAll(".current-user"));
        Assert.Equal("/login", after.Document.QuerySelector(".site-user a[href='/login']")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, (await rita.GetAsync("/new-topic")).Status);
    }
}
