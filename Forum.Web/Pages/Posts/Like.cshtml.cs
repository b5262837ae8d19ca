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
        if (Post.IsDeleted) return Refuse(StatusCodes.Status409Conflict, L["This post was deleted, so it can no longer be liked."]);
        if (IsOwnPost) return Refuse(StatusCodes.Status403Forbidden, L["You cannot like your own post."]);
        var outcome = await edits.LikeAsync(Viewer, id, liked, ct);
        return outcome.Succeeded ? RedirectToPost() : Refuse(StatusCodes.Status403Forbidden, outcome.Errors);
    }
}
