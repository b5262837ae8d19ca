using Forum.Core;
using Forum.Core.Accounts;
using Forum.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Infrastructure;

/// <summary>What every forum page needs: who is reading, and how to show refused input.</summary>
public abstract class ForumPageModel : PageModel
{
    protected Viewer Viewer => User.Viewer();

    protected IStringLocalizer<SharedResource> L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>
    /// Puts each refusal next to its field (under <paramref name="prefix"/>) and answers 422, so the form
    /// re-shows with what the user typed and a message saying what to fix.
    /// </summary>
    protected void ShowRefusal(IReadOnlyList<FieldError> errors, string prefix = "Input")
    {
        foreach (var error in errors)
            ModelState.AddModelError(error.Field.Length == 0 ? "" : $"{prefix}.{error.Field}", L[error.Message, error.Args]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
    }

    protected IActionResult RefusedPage(IReadOnlyList<FieldError> errors, string prefix = "Input")
    {
        ShowRefusal(errors, prefix);
        return Page();
    }
}
