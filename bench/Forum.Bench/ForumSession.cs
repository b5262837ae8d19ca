using System.Net;
using System.Text.RegularExpressions;

namespace Forum.Bench;

/// <summary>
/// A member in a browser without JavaScript: keeps the forum's cookies, reads each form's antiforgery token
/// and posts the form as the page would. Redirects are not followed, so a 302 is the answer to a good post.
/// </summary>
public sealed partial class ForumSession(string baseUrl) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
    }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    public async Task<string> GetAsync(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>Opens <paramref name="formPage"/> for its antiforgery token, posts <paramref name="fields"/> to
    /// <paramref name="action"/> and returns where the forum redirected to; anything but a redirect is a refusal.</summary>
    public async Task<string> SubmitAsync(string formPage, string action, IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        using var response = await PostAsync(await TokenAsync(formPage, ct), action, fields, ct);
        return RedirectTarget(response);
    }

    public async Task<string> TokenAsync(string formPage, CancellationToken ct)
    {
        var html = await GetAsync(formPage, ct);
        return AntiforgeryToken().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {formPage}.");
    }

    public Task<HttpResponseMessage> PostAsync(string token, string action, IReadOnlyDictionary<string, string> fields, CancellationToken ct) =>
        http.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))), ct);

    public static string RedirectTarget(HttpResponseMessage response) =>
        (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther) && response.Headers.Location is { } location
            ? location.OriginalString
            : throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode} from {response.RequestMessage?.RequestUri}.");

    public Task LogInAsync(string username, string password, CancellationToken ct) =>
        SubmitAsync("/login", "/login", new Dictionary<string, string> { ["Input.Login"] = username, ["Input.Password"] = password }, ct);

    public void Dispose() => http.Dispose();

    [GeneratedRegex(@"<input[^>]*name=""__RequestVerificationToken""[^>]*value=""([^""]+)""")]
    private static partial Regex AntiforgeryToken();
}
