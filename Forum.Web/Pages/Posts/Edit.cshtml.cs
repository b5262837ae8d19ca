using Forum.Core;
using Forum.Core.Drafts;
using Forum.Core.Notifications;
using Forum.Core.Posts;
using Forum.Web.Drafts;
using Forum.Web.Infrastructure;
using Forum.Web.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Forum.Web.Pages.Posts;

/// <summary>/p/{id}/edit: the author (or staff) changes a post; the old text stays in its history.</summary>
[Authorize]
[EnableRateLimiting(RateLimits.Composer)]
public sealed class EditModel(IPostStore posts, PostEditService edits, MentionService mentions, DraftService drafts) : PostPageModel(posts)
{
    [BindProperty] public EditInput Input { get; set; } = new();

    public string? PreviewHtml { get; private set; }
    public DraftControls Draft { get; private set; } = null!;

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
        if (RefuseUnlessEditable() is { } refused) return refused;
        var draft = await drafts.FindAsync(Viewer, DraftKeys.ForPost(id), ct);
        // An edit left unfinished comes back in place of the post's text.
        Input.Raw = draft is { HasText: true, Text: { } text } ? text.Raw : Post.Raw;
        Input.Version = Post.Version;
        Draft = DraftControls.For(draft, EditPath(id));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (RefuseUnlessEditable() is { } refused) return refused;
        var outcome = await edits.EditAsync(Viewer, id, Input.Version, Input.Raw, ct);
        if (outcome.Value is { } saved)
        {
            UnnotifiedMentions.Remember(TempData, saved.UnnotifiedMentions);
            return RedirectToPost(saved);
        }
        ShowRefusal(outcome.Errors);
        await KeepDraftAsync(id, ct);
        // Someone else saved first: show what the post says now, and let this save replace it.
        if (RefusalResponses.KindOf(outcome.Errors) == RefusalKind.Conflict)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
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
        if (RefuseUnlessEditable() is { } refused) return refused;
        await KeepDraftAsync(id, ct);
        var preview = await mentions.PreviewAsync(Input.Raw, ct);
        if (preview.Value is null) return RefusedPage(preview.Errors);
        PreviewHtml = preview.Value.Html;
        return Page();
    }

    private async Task KeepDraftAsync(long id, CancellationToken ct)
    {
        var key = DraftKeys.ForPost(id);
        // The post's own text is no draft: there is nothing to lose.
        if (Input.Raw != Post.Raw) await drafts.KeepUnpostedAsync(Viewer, key, new DraftText(Input.Raw), ct);
        Draft = DraftControls.For(await drafts.FindAsync(Viewer, key, ct), EditPath(id));
    }

    private static string EditPath(long id) => $"/p/{id}/edit";

    public async Task<IActionResult> OnPostUploadImageAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (RefuseUnlessEditable() is { } refused) return refused;
        Input.Raw = await AppendUploadedImageAsync(Input.Raw, ct);
        await KeepDraftAsync(id, ct);
        return Page();
    }

    private IActionResult? RefuseUnlessEditable() =>
        Guardian.CanEdit(Post.TopicFacts, Post.Facts) is { } refused ? Refuse(refused) : null;
}
