using Forum.Core.Posts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Posts;

/// <summary>/p/{id}/delete: a soft delete; the topic keeps the post's place and says it was deleted.</summary>
[Authorize]
public sealed class DeleteModel(IPostStore posts, PostEditService edits) : PostPageModel(posts)
{
    /// <summary>A confirmation for whoever arrives by link; the topic page's button posts directly.</summary>
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (RefuseUnlessOwn() is { } refused) return refused;
        return Post.IsDeleted ? RedirectToPost() : Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (RefuseUnlessOwn() is { } refused) return refused;
        // A second click finds the work done: nothing to refuse.
        if (Post.IsDeleted) return RedirectToPost();
        var outcome = await edits.DeleteAsync(Viewer, id, ct);
        return outcome.Value is { } deleted ? RedirectToPost(deleted) : Refuse(StatusCodes.Status422UnprocessableEntity, outcome.Errors);
    }

    private IActionResult? RefuseUnlessOwn() =>
        IsOwnPost || Viewer.IsStaff ? null : Refuse(StatusCodes.Status403Forbidden, L["You can only delete your own posts."]);
}
