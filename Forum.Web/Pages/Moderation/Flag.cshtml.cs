using Forum.Web.Infrastructure;
using Forum.Core;
using Forum.Core.Moderation;
using Forum.Core.Posts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Moderation;

/// <summary>/p/{id}/flag: a member tells staff what is wrong with a post; it goes to the review queue.</summary>
[Authorize]
public sealed class FlagModel(IPostStore posts, FlagService flags) : ModerationPageModel
{
    public PostForEdit? Post { get; private set; }
    public bool IsDone { get; private set; }

    [BindProperty] public FlagInput Input { get; set; } = new();

    public sealed class FlagInput
    {
        public FlagReason? Reason { get; set; }
        public string Message { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Post = await posts.FindForEditAsync(id, Viewer, ct);
        if (Post is null) return NotFound();
        if (Guardian.CanFlag(Post.Facts) is { } refused)
        {
            if (refused.Kind == RefusalKind.NotFound) return NotFound();
            Refuse([refused]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Post = await posts.FindForEditAsync(id, Viewer, ct);
        if (Post is null) return NotFound();
        var outcome = await flags.FlagAsync(Viewer, id, Input.Reason, Input.Message, ct);
        if (outcome.Succeeded)
        {
            IsDone = true;
            return Page();
        }
        if (RefusalResponses.KindOf(outcome.Errors) == RefusalKind.NotFound) return NotFound();
        Refuse(outcome.Errors);
        return Page();
    }
}
