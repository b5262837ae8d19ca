using Forum.Core.Posts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Posts;

/// <summary>POST /p/{id}/like with liked=true|false: one like per member and post, taken back the same way.</summary>
[Authorize]
public sealed class LikeModel(IPostStore posts, PostEditService edits) : PostPageModel(posts)
{
    /// <summary>Someone who follows the address lands on the post itself.</summary>
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? RedirectToPost() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, [FromForm] bool liked, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Guardian.CanLike(Post.Facts) is { } refused) return Refuse(refused);
        var outcome = await edits.LikeAsync(Viewer, id, liked, ct);
        return outcome.Succeeded ? RedirectToPost() : Refuse(outcome.Errors);
    }
}
