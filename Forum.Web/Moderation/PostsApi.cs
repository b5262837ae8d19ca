using System.Text.Json;
using System.Text.Json.Serialization;
using Forum.Core;
using Forum.Core.Posts;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Moderation;

/// <summary>
/// A small Discourse-compatible JSON API for scripts and the browser: GET /session/csrf gives the token, and
/// POST /posts.json { "topic_id", "raw" } replies with it in X-CSRF-Token, authenticated by the sign-in cookie.
/// Refusals answer { "errors": [...], "error_type": "..." } under their kind's status (RefusalResponses).
/// </summary>
public static class PostsApi
{
    public const string CsrfHeader = "X-CSRF-Token";

    public sealed record NewPostBody([property: JsonPropertyName("topic_id")] long TopicId, [property: JsonPropertyName("raw")] string? Raw,
        [property: JsonPropertyName("reply_to_post_number")] int? ReplyToPostNumber);

    public static IEndpointRouteBuilder MapPostsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/session/csrf", (HttpContext http, IAntiforgery antiforgery) =>
            Results.Json(new { csrf = antiforgery.GetAndStoreTokens(http).RequestToken }));
        app.MapPost("/posts.json", CreatePostAsync).DisableAntiforgery().RequireRateLimiting(Infrastructure.RateLimits.Composer);
        return app;
    }

    private static async Task<IResult> CreatePostAsync(HttpContext http, IAntiforgery antiforgery, ReplyService replies,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var viewer = http.User.Viewer();
        if (!viewer.IsSignedIn) return RefusalResponses.Json(Refusal.Forbidden("Log in to reply."), L);
        if (!await antiforgery.IsRequestValidAsync(http))
            return RefusalResponses.Json(Refusal.Forbidden("The request could not be verified. Reload the page and try again."), L);
        // Read here rather than bound by the framework, so a broken body gets a reason, not a bare 400 (or a 500).
        if (!http.Request.HasJsonContentType())
            return RefusalResponses.Malformed(StatusCodes.Status415UnsupportedMediaType, L["Send the post as JSON (Content-Type: application/json)."]);
        NewPostBody? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<NewPostBody>(ct);
        }
        catch (BadHttpRequestException e)
        {
            return RefusalResponses.Malformed(e.StatusCode, L[HostileRequestGuard.TooLarge,
                HostileRequestGuard.MegabytesOf(http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForumOptions>>().Value)]);
        }
        catch (JsonException)
        {
            return RefusalResponses.Malformed(StatusCodes.Status400BadRequest, L["The request body is not valid JSON with topic_id and raw."]);
        }
        if (body is null) return RefusalResponses.Malformed(StatusCodes.Status400BadRequest, L["The request body is not valid JSON with topic_id and raw."]);
        var outcome = await replies.ReplyAsync(new ReplyRequest(viewer, body.TopicId, body.Raw ?? "", body.ReplyToPostNumber), ct);
        if (outcome.Value is { } saved)
            return Results.Json(new { id = saved.PostId, topic_id = body.TopicId, post_number = saved.PostNumber, username = http.User.Username(), raw = body.Raw!.Trim() });
        return RefusalResponses.Json(outcome.Errors, L);
    }
}
