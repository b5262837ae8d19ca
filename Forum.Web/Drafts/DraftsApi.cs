using System.Text.Json;
using System.Text.Json.Serialization;
using Forum.Core;
using Forum.Core.Drafts;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Drafts;

/// <summary>
/// Discourse's draft endpoints, for the composer's autosave: GET /drafts.json?key=…, POST /drafts.json
/// { "draft_key", "raw", "title", "category_id", "sequence" } and DELETE /drafts/{key}.json?sequence=…, with the
/// antiforgery token in X-CSRF-Token. POST /drafts/discard is the same discard for a form, without JavaScript.
/// A member only ever reaches their own drafts: the owner is the signed-in member, never a parameter.
/// </summary>
public static class DraftsApi
{
    public sealed record DraftBody(
        [property: JsonPropertyName("draft_key")] string? Key,
        [property: JsonPropertyName("raw")] string? Raw,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("category_id")] long? CategoryId,
        [property: JsonPropertyName("sequence")] int? Sequence);

    public static IEndpointRouteBuilder MapDraftsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/drafts.json", FindAsync);
        app.MapPost("/drafts.json", SaveAsync).DisableAntiforgery();
        app.MapDelete("/drafts/{key}.json", DiscardAsync).DisableAntiforgery();
        app.MapPost("/drafts/discard", DiscardFromFormAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> FindAsync(HttpContext http, DraftService drafts, IStringLocalizer<SharedResource> L, string? key, CancellationToken ct)
    {
        var found = await drafts.FindOrRefuseAsync(http.User.Viewer(), key, ct);
        if (found.Value is not { } draft) return RefusalResponses.Json(found.Errors, L);
        return Results.Json(new
        {
            draft_key = draft.Key, sequence = draft.Sequence, raw = draft.Text?.Raw, title = draft.Text?.Title, category_id = draft.Text?.CategoryId,
        });
    }

    private static async Task<IResult> SaveAsync(HttpContext http, IAntiforgery antiforgery, DraftService drafts, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await RefuseUnverifiedAsync(http, antiforgery, L) is { } refused) return refused;
        if (!http.Request.HasJsonContentType())
            return RefusalResponses.Malformed(StatusCodes.Status415UnsupportedMediaType, L["Send the draft as JSON (Content-Type: application/json)."]);
        DraftBody? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<DraftBody>(ct);
        }
        catch (BadHttpRequestException e)
        {
            return RefusalResponses.Malformed(e.StatusCode, L[HostileRequestGuard.TooLarge]);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null) return RefusalResponses.Malformed(StatusCodes.Status400BadRequest, L["The request body is not valid JSON with draft_key and raw."]);
        var saved = await drafts.SaveAsync(http.User.Viewer(), body.Key, new DraftText(body.Raw ?? "", body.Title, body.CategoryId), body.Sequence ?? 0, ct);
        return saved.Succeeded ? Results.Json(new { draft_key = body.Key, sequence = saved.Value }) : RefusalResponses.Json(saved.Errors, L);
    }

    private static async Task<IResult> DiscardAsync(HttpContext http, IAntiforgery antiforgery, DraftService drafts, IStringLocalizer<SharedResource> L, string key, CancellationToken ct)
    {
        if (await RefuseUnverifiedAsync(http, antiforgery, L) is { } refused) return refused;
        var discarded = await drafts.DiscardAsync(http.User.Viewer(), key, ct);
        return discarded.Succeeded ? Results.Json(new { draft_key = key, sequence = discarded.Value }) : RefusalResponses.Json(discarded.Errors, L);
    }

    /// <summary>The composer's "Discard draft" button posts its form here; the member lands back on the emptied composer.</summary>
    private static async Task<IResult> DiscardFromFormAsync(HttpContext http, IAntiforgery antiforgery, DraftService drafts, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await RefuseUnverifiedAsync(http, antiforgery, L) is { } refused) return refused;
        if (!http.Request.HasFormContentType) return RefusalResponses.Malformed(StatusCodes.Status415UnsupportedMediaType, L["Send this as a form."]);
        var form = await http.Request.ReadFormAsync(ct);
        var discarded = await drafts.DiscardAsync(http.User.Viewer(), form["draftKey"].ToString(), ct);
        if (!discarded.Succeeded) return RefusalResponses.Json(discarded.Errors, L);
        var back = http.Request.Query["returnUrl"].ToString();
        // Only a path on this forum: a crafted form must not make the forum redirect elsewhere.
        return Results.LocalRedirect(IsLocalPath(back) ? back : "/");
    }

    private static bool IsLocalPath(string url) =>
        url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") && !url.Contains('\r') && !url.Contains('\n');

    private static async Task<IResult?> RefuseUnverifiedAsync(HttpContext http, IAntiforgery antiforgery, IStringLocalizer<SharedResource> L)
    {
        if (!http.User.Viewer().IsSignedIn) return RefusalResponses.Json(DraftService.LogInFirst, L);
        if (!await antiforgery.IsRequestValidAsync(http))
            return RefusalResponses.Json(Refusal.Forbidden("The request could not be verified. Reload the page and try again."), L);
        return null;
    }
}
