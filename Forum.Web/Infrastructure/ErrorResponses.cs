using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Forum.Web.Infrastructure;

/// <summary>
/// The one place an exception that escaped a request becomes an answer. A database outage (refused or dropped
/// connections, timeouts, a database not accepting connections) is 503 with Retry-After; anything else is 500.
/// JSON endpoints get <c>{"errors": [...], "error_type": ...}</c>; pages get the error page, re-executed at /Error.
/// </summary>
public sealed class ErrorResponses(IStringLocalizer<SharedResource> L, ILogger<ErrorResponses> log) : IExceptionHandler
{
    public const int RetryAfterSeconds = 30;

    public static bool IsDatabaseOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is NpgsqlException { IsTransient: true } or TimeoutException or SocketException) return true;
        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var outage = IsDatabaseOutage(exception);
        http.Response.StatusCode = outage ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (outage)
        {
            log.LogWarning("The database is unreachable; answered {Path} with 503: {Reason}", http.Request.Path.Value, exception.Message);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (!WantsJson(http)) return false;
        // The middleware does not log an exception a handler answered, only those left to the error page.
        if (!outage) log.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path.Value);
        var message = outage ? L["The forum cannot reach its database right now. Try again in a minute."] : L["An error happened on our side. Try again in a moment."];
        await http.Response.WriteAsJsonAsync(new { errors = new[] { message.Value }, error_type = outage ? "unavailable" : "server_error" }, ct);
        return true;
    }

    // Minimal-API and hub endpoints speak JSON; pages (fragments included) answer with the error page.
    private static bool WantsJson(HttpContext http)
    {
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        if (http.Request.Path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true) return true;
        if (endpoint is null) return false;
        return endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null;
    }
}
