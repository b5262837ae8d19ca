using Forum.Core.Moderation;
using Forum.Core.Notifications;
using Forum.Core.Posts;
using Forum.Web.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Posts;

/// <summary>/p/{id}/edit: the author (or staff) changes a post; the old text stays in its history.</summary>
[Authorize]
public sealed class EditModel(IPostStore posts, PostEditService edits, MentionService mentions, IModerationStore moderation) : PostPageModel(posts)
{
    [BindProperty] public EditInput Input { get; set; } = new();

    public string? PreviewHtml { get; private set; }

    /// <summary>What the post says now, shown when someone else saved while this form was open.</summary>
    public string? CurrentRaw { get; private set; }

    public sealed class EditInput
    {
        public string Raw { get; set; } = "";

        /// <summary>The version the form was opened on, so a concurrent edit is noticed rather than overwritten.</summary>
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await RefuseUnlessEditableAsync(id, ct) is { } refused) return refused;
        Input.Raw = Post.Raw;
        Input.Version = Post.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await RefuseUnlessEditableAsync(id, ct) is { } refused) return refused;
        var outcome = await edits.EditAsync(Viewer, id, Input.Version, Input.Raw, ct);
        if (outcome.Value is { } saved)
        {
            UnnotifiedMentions.Remember(TempData, saved.UnnotifiedMentions);
            return RedirectToPost(saved);
        }
        ShowRefusal(outcome.Errors);
        // Field refusals are the text's fault (422); a form-wide one means the post moved on meanwhile.
        if (outcome.Errors.All(e => e.Field.Length == 0))
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Response.StatusCode = StatusCodes.Status409Conflict;
            CurrentRaw = Post.Raw;
            // The next save is meant to replace what is there now, so the form takes the current version.
            ModelState.Remove($"{nameof(Input)}.{nameof(EditInput.Version)}");
            Input.Version = Post.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await RefuseUnlessEditableAsync(id, ct) is { } refused) return refused;
        var preview = await mentions.PreviewAsync(Input.Raw, ct);
        if (preview.Value is null) return RefusedPage(preview.Errors);
        PreviewHtml = preview.Value.Html;
        return Page();
    }

    private async Task<IActionResult?> RefuseUnlessEditableAsync(long id, CancellationToken ct)
    {
        if (!IsOwnPost && !Viewer.IsStaff) return Refuse(StatusCodes.Status403Forbidden, L["You can only edit your own posts."]);
        if (Post.IsDeleted) return Refuse(StatusCodes.Status409Conflict, L["This post was deleted, so it can no longer be edited."]);
        // Locked by a moderator, or in an archived topic: a "no", not a conflict to resolve.
        if (PostEditService.EditRefusal(await moderation.PostGateAsync(id, ct), Viewer) is { } locked)
            return Refuse(StatusCodes.Status403Forbidden, [locked]);
        return null;
    }
}
