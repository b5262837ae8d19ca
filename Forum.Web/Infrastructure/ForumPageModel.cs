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

    /// <summary>
    /// The composer's "Upload image" button (no JavaScript needed): stores the chosen file and gives the text as typed
    /// with the image's Markdown appended, or shows why not and gives the text unchanged. Either way nothing typed is lost.
    /// </summary>
    protected async Task<string> AppendUploadedImageAsync(string raw, CancellationToken ct)
    {
        // The text area shows what the handler sets, not what was posted.
        ModelState.Remove("Input.Raw");
        var file = Request.HasFormContentType ? Request.Form.Files.GetFile(Uploads.ComposerImages.FileField) : null;
        if (file is null)
        {
            ShowRefusal([Refusal.Invalid("Choose an image to upload.")]);
            return raw;
        }
        await using var content = file.OpenReadStream();
        var outcome = await HttpContext.RequestServices.GetRequiredService<Core.Uploads.UploadService>()
            .UploadAsync(Viewer, content, file.Length, Core.Uploads.UploadPurpose.Post, ct);
        if (outcome.Value is not { } stored)
        {
            ShowRefusal(outcome.Errors);
            return raw;
        }
        return Uploads.ComposerImages.Append(raw, Uploads.ComposerImages.Markdown(stored, file.FileName));
    }

    protected IActionResult RefusedPage(IReadOnlyList<Refusal> errors, string prefix = "Input")
    {
        ShowRefusal(errors, prefix);
        return Page();
    }
}
