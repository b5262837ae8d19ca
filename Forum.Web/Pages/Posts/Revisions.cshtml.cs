using Forum.Core.Posts;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Posts;

/// <summary>/p/{id}/revisions: every version of a post, newest first, with who saved it and when.</summary>
public sealed class RevisionsModel(IPostStore posts) : PostPageModel(posts)
{
    public IReadOnlyList<PostRevision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // Every old version is a copy of the text: the history follows the text's rule (deleted, flag-hidden).
        if (Guardian.CanSeeHistory(Post.Facts) is { } refused) return refused.Kind == Core.RefusalKind.NotFound ? NotFound() : Refuse(refused);
        Revisions = await Posts.RevisionsAsync(id, ct);
        return Page();
    }
}
