using Forum.Core.Categories;
using Forum.Core.Markdown;
using Forum.Core.Topics;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Topics;

[Authorize]
public sealed class NewModel(TopicService topicService, ICategoryStore categories, PostCooker cooker) : ForumPageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public string? PreviewHtml { get; private set; }

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
        Categories = await categories.ListAsync(Viewer, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await topicService.CreateAsync(new NewTopicRequest(Viewer, Input.CategoryId, Input.Title, Input.Raw), ct);
        if (outcome.Value is { } created) return Redirect($"/t/{created.Slug}/{created.Id}");
        Categories = await categories.ListAsync(Viewer, ct);
        return RefusedPage(outcome.Errors);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        Categories = await categories.ListAsync(Viewer, ct);
        PreviewHtml = cooker.Cook(Input.Raw).Html;
        return Page();
    }
}
