using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Pages;

/// <summary>
/// The error page, for status codes (/Error/404) and for exceptions (/Error, re-executed by ErrorResponses, which
/// chose the status). It reads nothing from the database, so it still renders while the database is down.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>Set in ViewData on the error page: the layout then leaves out what needs the database (the notification menu).</summary>
    public const string ViewDataKey = "IsErrorPage";

    public string Heading { get; private set; } = "";
    public string Advice { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    /// <summary>Why the request was refused, when the refusal said (see HostileRequestGuard).</summary>
    private string? Refusal => HttpContext.Items[HostileRequestGuard.RefusalKey] as string;

    private object[] RefusalArgs => HttpContext.Items[HostileRequestGuard.RefusalArgsKey] as object[] ?? [];

    private void Describe(int? code)
    {
        // Re-executed status pages keep the original status; an exception's run keeps the one ErrorResponses chose.
        if (code is null && Response.StatusCode < StatusCodes.Status500InternalServerError) Response.StatusCode = StatusCodes.Status500InternalServerError;
        (Heading, Advice) = (code ?? Response.StatusCode) switch
        {
            404 => (L["Page not found"], L["That page does not exist or you are not allowed to see it."]),
            403 => (L["Not allowed"], L["You are not allowed to do that. Log in with an account that may."]),
            400 => (L["Bad request"], L["The request could not be understood. Go back and try again."]),
            429 => (L["Too many requests"], L.Plural(int.TryParse(Response.Headers.RetryAfter, out var seconds) ? seconds : 0, "You are doing that too often. Wait a second and try again.", "You are doing that too often. Wait {0} seconds and try again.", Response.Headers.RetryAfter.ToString())),
            413 => Refusal is null
                ? (L["Too large"], L[HostileRequestGuard.TooLarge, HostileRequestGuard.MegabytesOf(HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.ForumOptions>>().Value)])
                : (L["Too large"], L[Refusal, RefusalArgs]),
            422 => (L["Not accepted"], L[Refusal ?? "What you sent could not be accepted. Go back and try again.", RefusalArgs]),
            503 => (L["The forum is unavailable"], L["The forum cannot reach its database right now. Try again in a minute."]),
            _ => (L["Something went wrong"], L["An error happened on our side. Try again in a moment."]),
        };
    }
}
