using Forum.Core;
using Forum.Core.Notifications;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Notifications;

/// <summary>POST /c/{categoryId}/notification-level: watching, tracking, normal or muted for a category's topics.</summary>
[Authorize]
public sealed class CategoryLevelModel(NotificationService notifications) : ForumPageModel
{
    public string BackUrl { get; private set; } = "/categories";

    public IActionResult OnGet() => Redirect("/categories");

    public async Task<IActionResult> OnPostAsync(long categoryId, [FromForm] int level, CancellationToken ct)
    {
        var outcome = await notifications.SetCategoryLevelAsync(Viewer, categoryId, level, ct);
        if (outcome.Value is { } category) return Redirect($"/c/{category.Slug}/{category.Id}");
        if (RefusalResponses.KindOf(outcome.Errors) != RefusalKind.Invalid) return NotFound();
        return RefusedPage(outcome.Errors.Select(e => e with { Field = "" }).ToList());
    }
}
