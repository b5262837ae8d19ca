using Forum.Tests.Infrastructure;

namespace Forum.Tests.Posts;

internal static class PostRequests
{
    /// <summary>
    /// Posts straight to <paramref name="url"/> with the session's antiforgery token taken from a form on
    /// <paramref name="page"/>: what a hand-made request looks like when the page offers no such button.
    /// </summary>
    public static async Task<WebSession.Page> PostWithTokenAsync(this WebSession session, WebSession.Page page, string url,
        IDictionary<string, string>? values = null)
    {
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new InvalidOperationException($"No antiforgery token on {page.Url}");
        var fields = new Dictionary<string, string>(values ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        return await WebSession.Page.ReadAsync(await session.Client.PostAsync(url, new FormUrlEncodedContent(fields)));
    }

    public static long PostIdOf(this WebSession.Page topicPage, int postNumber) =>
        long.Parse(topicPage.Document.QuerySelector($"#post-{postNumber}")!.GetAttribute("data-post-id")!);

    public static string TextAreaValue(this WebSession.Page page, string selector) =>
        ((AngleSharp.Html.Dom.IHtmlTextAreaElement)page.Document.QuerySelector(selector)!).Value;
}
