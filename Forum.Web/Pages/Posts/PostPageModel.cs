using Forum.Core;
using Forum.Core.Posts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Posts;

/// <summary>What the /p/{id}/… pages share: the post acted on, the way back to it, and how to say no.</summary>
public abstract class PostPageModel(IPostStore posts) : ForumPageModel
{
    public PostForEdit Post { get; private set; } = null!;

    protected IPostStore Posts => posts;

    /// <summary>Set when the page answers with a refusal instead of its usual content.</summary>
    public IReadOnlyList<string> Refusals { get; private set; } = [];

    public string PostUrl => $"/t/{Post.TopicSlug}/{Post.TopicId}/{Post.PostNumber}#post-{Post.PostNumber}";

    /// <summary>False when the post is missing or the viewer may not read it: the page then answers 404.</summary>
    protected async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await posts.FindForEditAsync(id, Viewer, ct) is not { } post) return false;
        Post = post;
        return true;
    }

    /// <summary>The page itself, with the refusal and a link back to the post, under the status its kind calls for.</summary>
    protected IActionResult Refuse(IReadOnlyList<Refusal> refusals)
    {
        Response.StatusCode = RefusalResponses.StatusOf(refusals);
        Refusals = RefusalResponses.Messages(refusals, L);
        return Page();
    }

    protected IActionResult Refuse(Refusal refusal) => Refuse([refusal]);

    protected IActionResult RedirectToPost() => Redirect(PostUrl);

    protected IActionResult RedirectToPost(PostLocation at) =>
        Redirect($"/t/{at.TopicSlug}/{at.TopicId}/{at.PostNumber}#post-{at.PostNumber}");
}
