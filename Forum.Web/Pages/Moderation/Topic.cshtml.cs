using Forum.Core.Permissions;
using Forum.Web.Infrastructure;
using Forum.Core;
using Forum.Core.Categories;
using Forum.Core.Moderation;
using Forum.Core.Topics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Moderation;

/// <summary>
/// /t/{id}/moderate: every staff action on a topic. The topic page's "Moderation" area posts its buttons here;
/// the page itself also offers moving, renaming, merging and splitting. "Unpin for me" is the one handler for
/// every signed-in reader.
/// </summary>
[Authorize]
public sealed class TopicModel(ITopicStore topics, ICategoryStore categories, TopicStatusService status,
    TopicModerationService moderation, TopicTimerService timers) : ModerationPageModel
{
    public TopicPage? Topic { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    [BindProperty] public ModerationInput Input { get; set; } = new();

    public sealed class ModerationInput
    {
        public string Reason { get; set; } = "";
        public DateTime? PinnedUntil { get; set; }
        public long? CategoryId { get; set; }
        public string Title { get; set; } = "";
        public int SlowModeMinutes { get; set; }
        public string TimerAction { get; set; } = TopicTimerService.Close;
        public DateTime? ExecuteAt { get; set; }
        public int? HoursAfterReply { get; set; }
        public string PostNumbers { get; set; } = "";
        public long? TargetTopicId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!Viewer.IsStaff)
        {
            Refuse([Guardian.StaffOnly]);
            return Page();
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Title = Topic!.Topic.Title;
        Input.CategoryId = Topic.Topic.CategoryId;
        Input.SlowModeMinutes = Topic.Moderation.SlowModeMinutes;
        return Page();
    }

    /// <summary>Set by the "Delete topic?" question, which the page asks instead of its usual tools.</summary>
    public bool ConfirmingDelete { get; private set; }

    /// <summary>"Delete topic?": the topic page's Delete topic link leads here, so deleting takes a deliberate second click.</summary>
    public async Task<IActionResult> OnGetDeleteAsync(long id, CancellationToken ct)
    {
        var shown = await OnGetAsync(id, ct);
        ConfirmingDelete = !IsRefused;
        return shown;
    }

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) => ActAsync(id, status.SetClosedAsync(Viewer, id, true, ct, Input.Reason), ct);
    public Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct) => ActAsync(id, status.SetClosedAsync(Viewer, id, false, ct, Input.Reason), ct);
    public Task<IActionResult> OnPostArchiveAsync(long id, CancellationToken ct) => ActAsync(id, status.SetArchivedAsync(Viewer, id, true, ct, Input.Reason), ct);
    public Task<IActionResult> OnPostUnarchiveAsync(long id, CancellationToken ct) => ActAsync(id, status.SetArchivedAsync(Viewer, id, false, ct, Input.Reason), ct);
    public Task<IActionResult> OnPostUnlistAsync(long id, CancellationToken ct) => ActAsync(id, status.SetListedAsync(Viewer, id, false, ct, Input.Reason), ct);
    public Task<IActionResult> OnPostRelistAsync(long id, CancellationToken ct) => ActAsync(id, status.SetListedAsync(Viewer, id, true, ct, Input.Reason), ct);
    public Task<IActionResult> OnPostPinAsync(long id, CancellationToken ct) => ActAsync(id, status.SetPinnedAsync(Viewer, id, true, false, ct, ToUtc(Input.PinnedUntil), Input.Reason), ct);
    public Task<IActionResult> OnPostPinGloballyAsync(long id, CancellationToken ct) => ActAsync(id, status.SetPinnedAsync(Viewer, id, true, true, ct, ToUtc(Input.PinnedUntil), Input.Reason), ct);
    public Task<IActionResult> OnPostUnpinAsync(long id, CancellationToken ct) => ActAsync(id, status.SetPinnedAsync(Viewer, id, false, false, ct), ct);
    public Task<IActionResult> OnPostDismissPinAsync(long id, CancellationToken ct) => ActAsync(id, status.DismissPinAsync(Viewer, id, ct), ct);
    public Task<IActionResult> OnPostTimerAsync(long id, CancellationToken ct) => ActAsync(id, timers.SetAsync(Viewer, id, Input.TimerAction, ToUtc(Input.ExecuteAt), Input.HoursAfterReply, ct), ct);
    public Task<IActionResult> OnPostCancelTimerAsync(long id, CancellationToken ct) => ActAsync(id, timers.CancelAsync(Viewer, id, ct), ct);
    public Task<IActionResult> OnPostSlowModeAsync(long id, CancellationToken ct) => ActAsync(id, moderation.SetSlowModeAsync(Viewer, id, Input.SlowModeMinutes, ct), ct);
    public Task<IActionResult> OnPostMoveAsync(long id, CancellationToken ct) => ActAsync(id, moderation.MoveAsync(Viewer, id, Input.CategoryId, ct), ct);
    public Task<IActionResult> OnPostRenameAsync(long id, CancellationToken ct) => ActAsync(id, moderation.RenameAsync(Viewer, id, Input.Title, ct), ct);
    public Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct) => ActAsync(id, moderation.SetDeletedAsync(Viewer, id, true, ct), ct);
    public Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken ct) => ActAsync(id, moderation.SetDeletedAsync(Viewer, id, false, ct), ct);

    public async Task<IActionResult> OnPostMergeAsync(long id, CancellationToken ct)
    {
        var outcome = await moderation.MergeAsync(Viewer, id, Input.PostNumbers, Input.TargetTopicId, ct);
        return outcome.Value is { } moved ? Redirect($"/t/{moved.TargetSlug}/{moved.TargetTopicId}") : await RefusedAsync(id, outcome.Errors, ct);
    }

    public async Task<IActionResult> OnPostSplitAsync(long id, CancellationToken ct)
    {
        var outcome = await moderation.SplitAsync(Viewer, id, Input.PostNumbers, Input.Title, Input.CategoryId, ct);
        return outcome.Value is { } moved ? Redirect($"/t/{moved.TargetSlug}/{moved.TargetTopicId}") : await RefusedAsync(id, outcome.Errors, ct);
    }

    /// <summary>Done (or already so): back to the topic, whose address follows any new title.</summary>
    private async Task<IActionResult> ActAsync<T>(long id, Task<Outcome<T>> work, CancellationToken ct)
    {
        var outcome = await work;
        return outcome.Succeeded ? Redirect($"/t/{id}") : await RefusedAsync(id, outcome.Errors, ct);
    }

    private async Task<IActionResult> RefusedAsync(long id, IReadOnlyList<Refusal> errors, CancellationToken ct)
    {
        if (RefusalResponses.KindOf(errors) == RefusalKind.NotFound) return NotFound();
        Refuse(errors);
        if (!IsRefused && !await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Topic = await topics.GetPageAsync(id, Viewer, 1, 0, ct);
        Categories = await categories.ListAsync(Viewer, ct);
        return Topic is not null;
    }
}
