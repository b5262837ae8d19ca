using Forum.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Infrastructure;

/// <summary>
/// The one mapping from a refusal's kind to HTTP, for pages (the status, with the message in the page) and for
/// JSON (<c>{"errors": [...], "error_type": "..."}</c>, with Discourse's error_type names where it has one).
/// </summary>
public static class RefusalResponses
{
    public static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.RateLimited => StatusCodes.Status429TooManyRequests,
        RefusalKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static int StatusOf(IReadOnlyList<Refusal> refusals) => StatusOf(KindOf(refusals));

    /// <summary>The kind that decides the answer: the first refusal that is not mere bad input, else Invalid.</summary>
    public static RefusalKind KindOf(IReadOnlyList<Refusal> refusals) =>
        refusals.FirstOrDefault(r => r.Kind != RefusalKind.Invalid)?.Kind ?? RefusalKind.Invalid;

    /// <summary>Discourse's names: invalid_access (403), not_found, invalid_parameters, rate_limit; ours where it has none.</summary>
    public static string ErrorTypeOf(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => "not_found",
        RefusalKind.Forbidden => "invalid_access",
        RefusalKind.Conflict => "conflict",
        RefusalKind.RateLimited => "rate_limit",
        RefusalKind.Unavailable => "unavailable",
        RefusalKind.TooLarge => "too_large",
        _ => "invalid_parameters",
    };

    public static string[] Messages(IReadOnlyList<Refusal> refusals, IStringLocalizer localizer) =>
        refusals.Select(r => localizer[r.Message, r.Args].Value).ToArray();

    /// <summary>For minimal API endpoints.</summary>
    public static IResult Json(IReadOnlyList<Refusal> refusals, IStringLocalizer localizer) =>
        Results.Json(Body(refusals, localizer), statusCode: StatusOf(refusals));

    /// <summary>For page handlers that answer JSON.</summary>
    public static JsonResult JsonAction(IReadOnlyList<Refusal> refusals, IStringLocalizer localizer) =>
        new(Body(refusals, localizer)) { StatusCode = StatusOf(refusals) };

    private static object Body(IReadOnlyList<Refusal> refusals, IStringLocalizer localizer) =>
        new { errors = Messages(refusals, localizer), error_type = ErrorTypeOf(KindOf(refusals)) };

    public static IResult Json(Refusal refusal, IStringLocalizer localizer) => Json([refusal], localizer);

    /// <summary>A request the endpoint could not even read (not JSON, too large, broken): its HTTP status, in the same body.</summary>
    public static IResult Malformed(int status, string message) =>
        Results.Json(new { errors = new[] { message }, error_type = ErrorTypeOf(RefusalKind.Invalid) }, statusCode: status);
}
