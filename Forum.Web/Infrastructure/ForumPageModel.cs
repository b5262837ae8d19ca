using Forum.Core;
using Forum.Core.Accounts;
using Forum.Core.Permissions;
using Forum.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Infrastructure;

/// <summary>What every forum page needs: who is reading, and how to show refused input.</summary>
public abstract class ForumPageModel : PageModel
{
    protected Viewer Viewer => User.Viewer();

    /// <summary>Answers every "may this reader …?" on the page.</summary>
    protected Guardian Guardian => new(Viewer);

    protected IStringLocalizer<SharedResource> L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>
    /// Puts each refusal next to its field (under <paramref name="prefix"/>), or above the form when it names none,
    /// and answers the status its kind calls for (422 for bad input), so the form re-shows with what the user
    /// typed and a message saying what to fix or why not.
    /// </summary>
    protected void ShowRefusal(IReadOnlyList<Refusal> errors, string prefix = "Input")
    {
        foreach (var error in errors)
            ModelState.AddModelError(error.Field.Length == 0 ? "" : $"{prefix}.{error.Field}", L[error.Message, error.Args]);
        Response.StatusCode = RefusalResponses.StatusOf(errors);
    }

    protected IActionResult RefusedPage(IReadOnlyList<Refusal> errors, string prefix = "Input")
    {
        ShowRefusal(errors, prefix);
        return Page();
    }
}
