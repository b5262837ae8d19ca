using Forum.Core.Accounts;

namespace Forum.Web.Infrastructure;

/// <summary>Whether the first admin exists yet; once it does, the answer never changes, so it is remembered.</summary>
public sealed class SetupState(IUserStore users)
{
    private volatile bool isComplete;

    public async Task<bool> IsCompleteAsync(CancellationToken ct)
    {
        if (isComplete) return true;
        isComplete = await users.AnyAdminAsync(ct);
        return isComplete;
    }
}

/// <summary>Until the first admin is created, every page leads to the setup wizard, as in Discourse.</summary>
public sealed class SetupRedirect(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, SetupState setup)
    {
        var path = http.Request.Path;
        var exempt = path.StartsWithSegments("/setup") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/css")
                     || path.StartsWithSegments("/js") || path.StartsWithSegments("/Error") || path.StartsWithSegments("/lib");
        if (!exempt && HttpMethods.IsGet(http.Request.Method) && !await setup.IsCompleteAsync(http.RequestAborted))
        {
            http.Response.Redirect("/setup");
            return;
        }
        await next(http);
    }
}
