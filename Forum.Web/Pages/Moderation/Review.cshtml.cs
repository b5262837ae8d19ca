using Forum.Core.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Moderation;

/// <summary>/review: flagged posts, longest waiting first, with agree / disagree / ignore for each.</summary>
[Authorize(Policy = "Staff")]
public sealed class ReviewModel(FlagService flags) : ModerationPageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<ReviewItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await flags.QueueAsync(Viewer, PageSize, ct);
        Items = outcome.Value ?? [];
        return Page();
    }

    public Task<IActionResult> OnPostAgreeAsync(long postId, CancellationToken ct) => DecideAsync(postId, FlagDecision.Agree, ct);
    public Task<IActionResult> OnPostDisagreeAsync(long postId, CancellationToken ct) => DecideAsync(postId, FlagDecision.Disagree, ct);
    public Task<IActionResult> OnPostIgnoreAsync(long postId, CancellationToken ct) => DecideAsync(postId, FlagDecision.Ignore, ct);

    private async Task<IActionResult> DecideAsync(long postId, FlagDecision decision, CancellationToken ct)
    {
        var outcome = await flags.DecideAsync(Viewer, postId, decision, ct);
        if (outcome.Succeeded) return Redirect("/review");
        Refuse(outcome.Errors);
        return Page();
    }
}
