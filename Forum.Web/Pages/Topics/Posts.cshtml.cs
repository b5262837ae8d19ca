using Forum.Core.Topics;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Forum.Web.Pages.Topics;

/// <summary>
/// Post fragments for the live client: /t/{id}/posts?after=N (the next posts after N) and /t/{id}/posts/{n}
/// (one post again after an edit). Rendered by the same partial as the page, with the reader's permissions.
/// </summary>
public sealed class PostsModel(ITopicStore topics, IOptions<Core.ForumOptions> options) : ForumPageModel
{
    public IReadOnlyList<PostDisplay> Posts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long topicId, int? postNumber, int? after, CancellationToken ct)
    {
        var (first, take) = postNumber is { } n ? (n, 1) : (Math.Max(0, after ?? 0) + 1, options.Value.PostsPerPage);
        var page = first > 0 ? await topics.GetPageAsync(topicId, Viewer, first, take, ct) : null;
        if (page is null || (postNumber is not null && page.Posts.Count == 0)) return NotFound();
        Posts = PostDisplay.For(page, Guardian);
        return Page();
    }
}
