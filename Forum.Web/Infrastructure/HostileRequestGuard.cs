using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Infrastructure;

/// <summary>
/// Refuses at the door what no page could store or should read: requests over <see cref="BodyLimitOf"/> (413) and
/// NUL characters in the address or any form field (422; PostgreSQL text cannot hold them). Pages get the error
/// page with the reason, JSON endpoints <c>{"errors": [...]}</c>.
/// </summary>
public sealed class HostileRequestGuard(RequestDelegate next)
{
    /// <summary>What a form of text alone may weigh, and what an image upload's form may carry beside its file.</summary>
    public const long TextFormBytes = 4 * 1024 * 1024;
    private const long FormAllowanceBytes = 256 * 1024;

    /// <summary>
    /// The largest body accepted: 4 MB, or an image at the upload limit with the composer's text beside it, so an
    /// image the upload rules accept is never turned away here first.
    /// </summary>
    public static long BodyLimitOf(Core.ForumOptions options) => Math.Max(TextFormBytes, options.Uploads.MaxBytes + FormAllowanceBytes);

    /// <summary>The body limit in MB, for <see cref="TooLarge"/>.</summary>
    public static double MegabytesOf(Core.ForumOptions options) => Math.Round(BodyLimitOf(options) / (1024.0 * 1024.0), 1);

    /// <summary>The arguments of the reason in <see cref="RefusalKey"/>.</summary>
    public const string RefusalArgsKey = "Forum.RefusalArgs";

    /// <summary>The English reason, for the error page to show in the reader's language.</summary>
    public const string RefusalKey = "Forum.Refusal";

    public const string TooLarge = "What you sent is larger than the forum accepts ({0} MB at most). Shorten it and try again.";
    public const string NulCharacter = "What you sent contains a NUL character, which the forum cannot store. Remove it and try again.";

    public async Task InvokeAsync(HttpContext http, Microsoft.Extensions.Options.IOptions<Core.ForumOptions> options)
    {
        // The error page, re-run for a refusal made here, sees the same request and must not be refused again.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(http);
            return;
        }
        var request = http.Request;
        var bodyLimit = BodyLimitOf(options.Value);
        object[] tooLargeArgs = [MegabytesOf(options.Value)];
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = bodyLimit;
        if (request.ContentLength > bodyLimit)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, TooLarge, tooLargeArgs);
            return;
        }
        if (request.Path.Value?.Contains('\0') == true || request.Query.Any(q => HasNul(q.Key, q.Value)))
        {
            await RefuseAsync(http, StatusCodes.Status422UnprocessableEntity, NulCharacter);
            return;
        }
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(http.RequestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, TooLarge, tooLargeArgs);
                return;
            }
            catch (InvalidDataException e)
            {
                // The form reader's own refusals: its size limits (chunked uploads have no length up front), or a
                // value it cannot decode, which is how a NUL byte arrives ("The form value contains invalid characters").
                var tooLarge = e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
                await RefuseAsync(http, tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity, tooLarge ? TooLarge : NulCharacter, tooLarge ? tooLargeArgs : []);
                return;
            }
            // A URL-encoded NUL never gets here (the reader refuses it, above); a multipart field carries it raw.
            if (form.Any(f => HasNul(f.Key, f.Value)) || form.Files.Any(f => f.FileName.Contains('\0') || f.Name.Contains('\0')))
            {
                await RefuseAsync(http, StatusCodes.Status422UnprocessableEntity, NulCharacter);
                return;
            }
        }
        await next(http);
    }

    private static bool HasNul(string key, Microsoft.Extensions.Primitives.StringValues values) =>
        key.Contains('\0') || values.Any(v => v?.Contains('\0') == true);

    private static async Task RefuseAsync(HttpContext http, int status, string reason, params object[] args)
    {
        http.Response.StatusCode = status;
        if (IsJsonRequest(http.Request))
        {
            var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await http.Response.WriteAsJsonAsync(new { errors = new[] { L[reason, args].Value } });
            return;
        }
        // No body: the status-code page runs next and shows the reason inside the layout. It runs as a plain GET
        // without a form, so that neither the refused form nor its handler name reach the error page.
        http.Items[RefusalKey] = reason;
        http.Items[RefusalArgsKey] = args;
        http.Request.Method = HttpMethods.Get;
        http.Request.QueryString = QueryString.Empty;
        http.Request.ContentType = null;
    }

    private static bool IsJsonRequest(HttpRequest request) =>
        request.Path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true
        || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
}
