using System.Text.RegularExpressions;
using Forum.Core;
using Forum.Core.Accounts;
using Forum.Core.Uploads;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Uploads;

/// <summary>
/// POST /uploads.json stores an image from the composer (paste, drop, file picker with JavaScript); GET /uploads/{file}
/// serves stored images and GET /letter_avatar/{username}/{size}.svg the generated avatars, all cached for a year:
/// their addresses change whenever their content would.
/// </summary>
public static partial class UploadsApi
{
    public const string ImmutableCache = "public, max-age=31536000, immutable";

    public static IServiceCollection AddForumUploads(this IServiceCollection services) =>
        services.AddSingleton<IImageProcessor, SkiaImageProcessor>();

    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder app)
    {
        app.MapPost("/uploads.json", UploadAsync).DisableAntiforgery().RequireRateLimiting(RateLimits.Composer);
        app.MapGet(Upload.UrlPrefix + "{file}", Serve);
        app.MapGet("/letter_avatar/{username}/{size:int}.svg", LetterAvatarSvg);
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, IAntiforgery antiforgery, UploadService uploads,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var viewer = http.User.Viewer();
        if (!viewer.IsSignedIn) return RefusalResponses.Json(Refusal.Forbidden("Log in to upload images."), L);
        if (!http.Request.HasFormContentType)
            return RefusalResponses.Malformed(StatusCodes.Status415UnsupportedMediaType, L["Send the image as multipart/form-data in a field named file."]);
        if (!await antiforgery.IsRequestValidAsync(http))
            return RefusalResponses.Json(Refusal.Forbidden("The request could not be verified. Reload the page and try again."), L);
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file) return RefusalResponses.Json(Refusal.Invalid("Choose an image to upload."), L);
        await using var content = file.OpenReadStream();
        var outcome = await uploads.UploadAsync(viewer, content, file.Length, UploadPurpose.Post, ct);
        if (outcome.Value is not { } stored) return RefusalResponses.Json(outcome.Errors, L);
        return Results.Json(new
        {
            url = stored.Url, thumbnail_url = stored.ThumbnailUrl, width = stored.Width, height = stored.Height,
            markdown = ComposerImages.Markdown(stored, file.FileName),
        });
    }

    [GeneratedRegex("^[0-9a-f]{64}(\\.thumb)?\\.(jpg|png)$")]
    private static partial Regex StoredFileName();

    private static IResult Serve(string file, HttpContext http, UploadService uploads)
    {
        // Only names the forum writes: no path, no other extension, so nothing else in the folder is reachable.
        if (!StoredFileName().IsMatch(file)) return Results.NotFound();
        var path = Path.Combine(uploads.Folder, file);
        if (!File.Exists(path)) return Results.NotFound();
        http.Response.Headers.CacheControl = ImmutableCache;
        return Results.File(path, Upload.ContentTypeOf(Path.GetExtension(file)[1..]), entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file}\""));
    }

    private static IResult LetterAvatarSvg(string username, int size, HttpContext http)
    {
        if (username.Length is 0 or > 60) return Results.NotFound();
        http.Response.Headers.CacheControl = ImmutableCache;
        return Results.Text(LetterAvatar.Svg(username, Math.Clamp(size, 16, 512)), "image/svg+xml; charset=utf-8");
    }
}
