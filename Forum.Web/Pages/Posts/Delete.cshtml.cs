using Forum.Core;
using Forum.Core.Posts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Posts;

/// <summary>/p/{id}/delete: a soft delete; the topic keeps the post's place and says it was deleted.</summary>
[Authorize]
public sealed class DeleteModel(IPostStore posts, PostEditService edits) : PostPageModel(posts)
{
    /// <summary>"Delete this post?": the topic page's Delete link leads here, so deleting takes a deliberate second click.</summary>
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return RefuseUnlessDeletable() ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (RefuseUnlessDeletable() is { } refused) return refused;
        var outcome = await edits.DeleteAsync(Viewer, id, ct);
        return outcome.Value is { } deleted ? RedirectToPost(deleted) : Refuse(outcome.Errors);
    }

    /// <summary>The post's "Undo" (or, for staff, "Restore") button: the author takes back their own deletion.</summary>
    public async Task<IActionResult> OnPostUndoAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var outcome = await edits.RestoreAsync(Viewer, id, ct);
        return outcome.Value is { } restored ? RedirectToPost(restored) : Refuse(outcome.Errors);
    }

    private IActionResult? RefuseUnlessDeletable()
    {
        var refusal = Guardian.CanDelete(Post.TopicFacts, Post.Facts);
        // A second click by someone who may delete it finds the work done: nothing to refuse.
        if (refusal?.Kind == RefusalKind.Conflict && Post.IsDeleted) return RedirectToPost();
        return refusal is null ? null : Refuse(refusal);
    }
}
