using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Forum.Tests.Infrastructure;

/// <summary>Drives the forum's pages the way a browser without JavaScript does: GET, read forms, submit them.</summary>
public sealed class WebSession(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public async Task<Page> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        return await Page.ReadAsync(response);
    }

    /// <summary>GET, following redirects, expecting 200.</summary>
    public async Task<Page> OpenAsync(string url)
    {
        for (var hops = 0; hops < 5; hops++)
        {
            var page = await GetAsync(url);
            if (page.Status is not (HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently or HttpStatusCode.Found)) 
            {
                Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} answered {(int)page.Status}: {page.Text[..Math.Min(page.Text.Length, 400)]}");
                return page;
            }
            url = page.Location!;
        }
        throw new InvalidOperationException("Too many redirects from " + url);
    }

    /// <summary>
    /// Fills the form picked by <paramref name="formSelector"/> on <paramref name="page"/> (hidden fields,
    /// antiforgery token and defaults included) and submits it with the given button or the first one.
    /// </summary>
    public async Task<Page> SubmitAsync(Page page, string formSelector, IDictionary<string, string> values, string? buttonSelector = null)
    {
        var (action, fields) = Prepare(page, formSelector, values, buttonSelector);
        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        return await Page.ReadAsync(response);
    }

    /// <summary>As <see cref="SubmitAsync"/>, as multipart/form-data with a file chosen in <paramref name="fileField"/>.</summary>
    public async Task<Page> SubmitWithFileAsync(Page page, string formSelector, IDictionary<string, string> values,
        string fileField, string fileName, byte[] file, string? buttonSelector = null)
    {
        var (action, fields) = Prepare(page, formSelector, values, buttonSelector);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        content.Add(new ByteArrayContent(file), fileField, fileName);
        var response = await client.PostAsync(action, content);
        return await Page.ReadAsync(response);
    }

    private static (string Action, List<KeyValuePair<string, string>> Fields) Prepare(Page page, string formSelector,
        IDictionary<string, string> values, string? buttonSelector)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form {formSelector} on {page.Url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values.ContainsKey(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    fields.Add(new(name, box.Value)); break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "button" or "file" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value)); break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value)); break;
                case IHtmlSelectElement select when select.Value is { } selected:
                    fields.Add(new(name, selected)); break;
            }
        }
        fields.AddRange(values);
        var button = buttonSelector is null ? form.QuerySelector("button[type=submit]") : form.QuerySelector(buttonSelector);
        var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action") ?? page.Url;
        if (string.IsNullOrEmpty(action)) action = page.Url;
        if (!action.StartsWith('/')) action = page.Url.Split('?')[0] + action;
        return (action, fields);
    }

    /// <summary>Posts a form found by selector and follows the redirect that a success answers with.</summary>
    public async Task<Page> SubmitAndFollowAsync(Page page, string formSelector, IDictionary<string, string> values, string? buttonSelector = null)
    {
        var answer = await SubmitAsync(page, formSelector, values, buttonSelector);
        Assert.True(answer.Location is not null, $"Expected a redirect after submitting {formSelector}, got {(int)answer.Status}: {answer.Errors}");
        return await OpenAsync(answer.Location!);
    }

    public async Task<Page> LogInAsync(string username, string? password = null)
    {
        var login = await OpenAsync("/login");
        var answer = await SubmitAsync(login, "form.account-form", new Dictionary<string, string>
        {
            ["Input.Login"] = username, ["Input.Password"] = password ?? ForumApp.PasswordOf(username),
        });
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"Login of {username} failed: {answer.Errors}");
        return answer;
    }

    public void Dispose() => client.Dispose();

    public sealed record Page(HttpStatusCode Status, string Url, string? Location, string Text, IHtmlDocument Document)
    {
        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var location = response.Headers.Location?.OriginalString;
            return new Page(response.StatusCode, response.RequestMessage!.RequestUri!.PathAndQuery, location, text, Parser.ParseDocument(text));
        }

        /// <summary>Form-wide and field refusals shown on the page.</summary>
        public string Errors => string.Join(" | ", Document.QuerySelectorAll(".form-errors li, .field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));

        public string TextOf(string selector) => Document.QuerySelector(selector)?.TextContent.Trim() ?? "";

        public IReadOnlyList<string> TextsOf(string selector) => Document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();
    }
}
