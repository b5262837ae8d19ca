using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> L) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Advice { get; private set; } = "";

    public void OnGet(int? code) => Describe(code ?? 500);

    public void OnPost(int? code) => Describe(code ?? 500);

    /// <summary>Why the request was refused, when the refusal said (see HostileRequestGuard).</summary>
    private string? Refusal => HttpContext.Items[HostileRequestGuard.RefusalKey] as string;

    private void Describe(int code)
    {
        // Re-executed status pages keep the original status; the exception handler's run would answer 200.
        if (code == 500) Response.StatusCode = 500;
        (Heading, Advice) = code switch
        {
            404 => (L["Page not found"], L["That page does not exist or you are not allowed to see it."]),
            403 => (L["Not allowed"], L["You are not allowed to do that. Log in with an account that may."]),
            400 => (L["Bad request"], L["The request could not be understood. Go back and try again."]),
            429 => (L["Too many requests"], L["You are doing that too often. Wait {0} seconds and try again.", Response.Headers.RetryAfter.ToString()]),
            413 => (L["Too large"], L[Refusal ?? HostileRequestGuard.TooLarge]),
            422 => (L["Not accepted"], L[Refusal ?? "What you sent could not be accepted. Go back and try again."]),
            _ => (L["Something went wrong"], L["An error happened on our side. Try again in a moment."]),
        };
    }
}
