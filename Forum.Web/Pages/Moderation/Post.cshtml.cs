using Forum.Web.Infrastructure;
using Forum.Core;
using Forum.Core.Moderation;
using Forum.Core.Posts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Moderation;

/// <summary>/p/{id}/moderate: staff lock, unlock and restore a post; the post's buttons post here.</summary>
[Authorize]
public sealed class PostModel(PostModerationService moderation, PostEditService edits) : ModerationPageModel
{
    public Task<IActionResult> OnPostLockAsync(long id, CancellationToken ct) => ActAsync(moderation.SetLockedAsync(Viewer, id, true, ct));
    public Task<IActionResult> OnPostUnlockAsync(long id, CancellationToken ct) => ActAsync(moderation.SetLockedAsync(Viewer, id, false, ct));

    public Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken ct) =>
        ActAsync(edits.RestoreAsync(Viewer, id, ct));

    private async Task<IActionResult> ActAsync(Task<Outcome<PostLocation>> work)
    {
        var outcome = await work;
        if (outcome.Value is { } at) return Redirect($"/t/{at.TopicSlug}/{at.TopicId}/{at.PostNumber}#post-{at.PostNumber}");
        if (RefusalResponses.KindOf(outcome.Errors) == RefusalKind.NotFound) return NotFound();
        Refuse(outcome.Errors);
        return Page();
    }
}
