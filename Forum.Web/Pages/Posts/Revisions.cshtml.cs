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
        // Members no longer see a deleted post's text on the topic; its history must not show it either.
        if (Post.IsDeleted && !Viewer.IsStaff) return NotFound();
        Revisions = await Posts.RevisionsAsync(id, ct);
        return Page();
    }
}
