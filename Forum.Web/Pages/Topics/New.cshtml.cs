using Forum.Core.Categories;
using Forum.Core.Drafts;
using Forum.Core.Notifications;
using Forum.Core.Topics;
using Forum.Web.Drafts;
using Forum.Web.Infrastructure;
using Forum.Web.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Forum.Web.Pages.Topics;

[Authorize]
[EnableRateLimiting(RateLimits.Composer)]
public sealed class NewModel(TopicService topicService, ICategoryStore categories, MentionService mentions, DraftService drafts) : ForumPageModel
{
    private const string PagePath = "/new-topic";

    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public string? PreviewHtml { get; private set; }
    public DraftControls Draft { get; private set; } = null!;

    [BindProperty] public TopicInput Input { get; set; } = new();

    public sealed class TopicInput
    {
        public string Title { get; set; } = "";
        public long? CategoryId { get; set; }
        public string Raw { get; set; } = "";
    }

    public async Task OnGetAsync(long? category, CancellationToken ct)
    {
        Input.CategoryId = category;
        var draft = await drafts.FindAsync(Viewer, DraftKeys.NewTopic, ct);
        // The member's unfinished topic comes back, from whichever device they wrote it on.
        if (draft is { HasText: true, Text: { } text })
        {
            Input.Title = text.Title ?? "";
            Input.Raw = text.Raw;
            Input.CategoryId = category ?? text.CategoryId;
        }
        Draft = DraftControls.For(draft, PagePath);
        Categories = await categories.ListAsync(Viewer, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await topicService.CreateAsync(new NewTopicRequest(Viewer, Input.CategoryId, Input.Title, Input.Raw), ct);
        if (outcome.Value is { } created)
        {
            UnnotifiedMentions.Remember(TempData, created.UnnotifiedMentions);
            return Redirect($"/t/{created.Slug}/{created.Id}");
        }
        Categories = await categories.ListAsync(Viewer, ct);
        await KeepDraftAsync(ct);
        return RefusedPage(outcome.Errors);
    }

    public async Task<IActionResult> OnPostUploadImageAsync(CancellationToken ct)
    {
        Categories = await categories.ListAsync(Viewer, ct);
        Input.Raw = await AppendUploadedImageAsync(Input.Raw, ct);
        await KeepDraftAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        Categories = await categories.ListAsync(Viewer, ct);
        await KeepDraftAsync(ct);
        var preview = await mentions.PreviewAsync(Input.Raw, ct);
        if (preview.Value is null) return RefusedPage(preview.Errors);
        PreviewHtml = preview.Value.Html;
        return Page();
    }

    private async Task KeepDraftAsync(CancellationToken ct)
    {
        await drafts.KeepUnpostedAsync(Viewer, DraftKeys.NewTopic, new DraftText(Input.Raw, Input.Title, Input.CategoryId), ct);
        Draft = DraftControls.For(await drafts.FindAsync(Viewer, DraftKeys.NewTopic, ct), PagePath);
    }
}
