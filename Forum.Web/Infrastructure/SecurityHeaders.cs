namespace Forum.Web.Infrastructure;

/// <summary>
/// The headers every response carries — pages, fragments, JSON, static files, error pages — set as the response
/// starts, so an exception handler that clears the response does not lose them.
/// </summary>
public static class SecurityHeaders
{
    // Scripts and styles come only from our own files: no inline script, no inline style, no eval, so markup
    // that slipped past the sanitizer can neither run nor read the page through CSS. Images may come from anywhere,
    // as posts link them. The SignalR WebSocket is same-origin: CSP3 browsers match it with 'self', older ones need
    // the explicit ws(s) origin. Nothing may frame a page; pages frame only our own mail previews.
    private static string PolicyFor(HttpRequest request, string styles)
    {
        var socket = request.Host.HasValue ? (request.IsHttps ? " wss://" : " ws://") + request.Host.Value : "";
        return $"default-src 'self'; script-src 'self'; style-src {styles}; img-src * data:; font-src 'self'; " +
               $"frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'{socket}";
    }

    /// <summary>
    /// The site's policy with inline styles allowed, for a page we do not write (Hangfire's dashboard, admins only,
    /// styles its charts inline). Its scripts are files, so script stays as strict.
    /// </summary>
    public static void AllowInlineStyles(HttpContext http) =>
        http.Response.Headers.ContentSecurityPolicy = PolicyFor(http.Request, "'self' 'unsafe-inline'");

    /// <summary>
    /// A response that must differ (a mail preview framed by our own page) sets its own Content-Security-Policy
    /// and X-Frame-Options before it starts; the others get the site's.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = PolicyFor(http.Request, "'self'");
            headers.TryAdd("X-Frame-Options", "DENY");
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
