using Forum.Core;
using Forum.Core.Markdown;
using Forum.Core.Notifications;
using Forum.Core.Permissions;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Composer;

/// <summary>
/// The small JSON endpoints behind the composer's scripts: the preview as it is typed (cooked by the same
/// MentionService.PreviewAsync as the Preview button, so the HTML is what saving would store), the "@"
/// suggestions (Discourse's /u/search/users.json) and the ":" emoji suggestions. Refusals answer
/// { "errors": [...], "error_type": "..." } under their kind's status (RefusalResponses).
/// </summary>
public static class ComposerApi
{
    public const string PreviewPath = "/composer/preview";

    public static IEndpointRouteBuilder MapComposerApi(this IEndpointRouteBuilder app)
    {
        // Counted with the Preview button's renders: the same work, the same per-member limit.
        app.MapPost(PreviewPath, PreviewAsync).DisableAntiforgery().RequireRateLimiting(RateLimits.Composer);
        app.MapGet("/u/search/users.json", SearchUsersAsync);
        app.MapGet("/emojis.json", (string? term) =>
            Results.Json(new { emojis = EmojiSuggestions.Find(term).Select(e => new { name = e.Name, emoji = e.Emoji }) }));
        return app;
    }

    private static async Task<IResult> PreviewAsync(HttpContext http, IAntiforgery antiforgery, MentionService mentions,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        // Rendering costs CPU: only members, who can post, may ask for it.
        if (!http.User.Viewer().IsSignedIn) return RefusalResponses.Json(Guardian.SignInRequired, L);
        if (!http.Request.HasFormContentType)
            return RefusalResponses.Malformed(StatusCodes.Status415UnsupportedMediaType, L["Send the text as a form field named raw."]);
        if (!await antiforgery.IsRequestValidAsync(http))
            return RefusalResponses.Json(Refusal.Forbidden("The request could not be verified. Reload the page and try again."), L);
        var form = await http.Request.ReadFormAsync(ct);
        var preview = await mentions.PreviewAsync(form["raw"].ToString(), ct);
        return preview.Value is { } cooked ? Results.Json(new { cooked = cooked.Html }) : RefusalResponses.Json(preview.Errors, L);
    }

    private static async Task<IResult> SearchUsersAsync(HttpContext http, string? term, MentionService mentions,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        // Guests write nothing, so they have no one to mention; the member list is not theirs to page through.
        if (!http.User.Viewer().IsSignedIn) return RefusalResponses.Json(Guardian.SignInRequired, L);
        var found = await mentions.SuggestAsync(term, ct);
        if (found.Value is not { } suggestions) return RefusalResponses.Json(found.Errors, L);
        return Results.Json(new
        {
            users = suggestions.Users.Select(u => new { username = u.Username, name = u.Name }),
            groups = suggestions.Groups.Select(g => new { name = g }),
        });
    }
}
