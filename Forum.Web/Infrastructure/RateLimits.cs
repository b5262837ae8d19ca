using System.Globalization;
using System.Threading.RateLimiting;
using Forum.Core;
using Forum.Web.Accounts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Forum.Web.Infrastructure;

/// <summary>
/// ASP.NET Core's rate limiter over the forum's forms and JSON: a page marks itself with one of these policies;
/// only its POSTs count, partitioned by member (signed in) or by remote address. Over the limit the answer is
/// 429 with Retry-After: the error page for forms, {"errors": [...]} for JSON. Limits come from ForumOptions.
/// </summary>
public static class RateLimits
{
    public const string Login = "login", SignUp = "signup", PasswordReset = "password-reset", ConfirmationMail = "confirmation-mail", Composer = "composer";

    public static IServiceCollection AddForumRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<LoginAttempts>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, ct) => RejectAsync(context.HttpContext, context.Lease, ct);
            options.AddPolicy(Login, http => PostsBy(http, Login, "address:" + AddressOf(http), limits => limits.LoginPerAddress));
            options.AddPolicy(SignUp, http => PostsBy(http, SignUp, "address:" + AddressOf(http), limits => limits.SignUpPerAddress));
            options.AddPolicy(PasswordReset, http => PostsBy(http, PasswordReset, "address:" + AddressOf(http), limits => limits.PasswordResetPerAddress));
            options.AddPolicy(ConfirmationMail, http => PostsBy(http, ConfirmationMail, CallerOf(http), limits => limits.ConfirmationMailsPerMember));
            options.AddPolicy(Composer, ComposerPartition);
        });
        return services;
    }

    /// <summary>The address a request came from: behind a proxy, the forwarded-headers middleware has set it.</summary>
    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static FixedWindowRateLimiterOptions Window(RateLimit limit) => new()
    {
        PermitLimit = limit.Permits, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true,
    };

    /// <summary>Answers a refused request: 429, Retry-After in whole seconds, and JSON for JSON clients.</summary>
    public static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease, CancellationToken ct)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!WantsJson(http)) return;   // the status code page says it, in the reader's language
        var L = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var refusal = Forum.Core.Plural.IsOne(seconds)
            ? Forum.Core.Refusal.RateLimited("You are doing that too often. Wait a second and try again.")
            : Forum.Core.Refusal.RateLimited("You are doing that too often. Wait {0} seconds and try again.", seconds);
        await RefusalResponses.Json(refusal, L).ExecuteAsync(http);
    }

    private static bool WantsJson(HttpContext http) =>
        http.Request.Path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true
        || http.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The member when signed in, else the address.</summary>
    private static string CallerOf(HttpContext http) =>
        http.User.Viewer().UserId is { } id ? "member:" + id.ToString(CultureInfo.InvariantCulture) : "address:" + AddressOf(http);

    private static RateLimitPartition<string> PostsBy(HttpContext http, string policy, string caller, Func<RateLimitOptions, RateLimit> limit)
    {
        if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("");
        var limits = http.RequestServices.GetRequiredService<IOptions<ForumOptions>>().Value.RateLimits;
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}:{caller}", _ => Window(limit(limits)));
    }

    /// <summary>Saving posts (and uploading images, which costs as much) and previewing them are counted apart, per member; a topic page's other forms (likes, flags) are not counted.</summary>
    private static RateLimitPartition<string> ComposerPartition(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("");
        var handler = (http.GetRouteValue("handler") as string ?? http.Request.Query["handler"].ToString()).ToLowerInvariant();
        var isPreview = handler == "preview" || http.Request.Path.Equals(Forum.Web.Composer.ComposerApi.PreviewPath, StringComparison.OrdinalIgnoreCase);
        if (!isPreview && handler is not ("" or "reply" or "uploadimage")) return RateLimitPartition.GetNoLimiter("");
        var limits = http.RequestServices.GetRequiredService<IOptions<ForumOptions>>().Value.RateLimits;
        var who = CallerOf(http);
        return isPreview
            ? RateLimitPartition.GetFixedWindowLimiter("preview:" + who, _ => Window(limits.PreviewsPerMember))
            : RateLimitPartition.GetFixedWindowLimiter("post:" + who, _ => Window(limits.PostsPerMember));
    }
}

/// <summary>
/// Login attempts per account name, whatever address they come from (the per-address limit is the "login" policy).
/// Every attempt counts, right or wrong, so parallel guesses cannot slip past between attempt and verdict.
/// </summary>
public sealed class LoginAttempts(IOptions<ForumOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> perAccount = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => RateLimits.Window(options.Value.RateLimits.LoginPerAccount)));

    /// <summary>A lease for one attempt on <paramref name="login"/> (username or email, compared without case).</summary>
    public RateLimitLease TryAttempt(string login) => perAccount.AttemptAcquire(login.Trim().ToLowerInvariant());

    public void Dispose() => perAccount.Dispose();
}
