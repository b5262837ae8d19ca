using Forum.Core.Topics;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Topics;

/// <summary>/t/{id}/state: what the live client needs to redraw the header and reply box.</summary>
public sealed class StateModel(ITopicStore topics) : ForumPageModel
{
    public async Task<IActionResult> OnGetAsync(long topicId, CancellationToken ct)
    {
        var page = await topics.GetPageAsync(topicId, Viewer, 1, 0, ct);
        if (page is null) return RefusalResponses.JsonAction([Core.Permissions.Guardian.TopicNotFound], L);
        var topic = page.Topic;
        var state = page.Moderation;
        // The Guardian's rule, as the page's reply box uses it.
        var mayReply = Guardian.CanReply(page.Facts) is null;
        return new JsonResult(new
        {
            topic.Id, topic.Title, topic.IsClosed, topic.IsPinned, state.IsArchived, state.IsUnlisted, MayReply = mayReply,
            topic.HighestPostNumber, topic.PostsCount,
        });
    }
}
