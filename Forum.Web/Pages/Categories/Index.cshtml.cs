using Forum.Core.Categories;
using Forum.Web.Infrastructure;

namespace Forum.Web.Pages.Categories;

/// <summary>/categories: the categories the reader may see, top-level ones by position with their subcategories under them.</summary>
public sealed class IndexModel(ICategoryStore categories) : ForumPageModel
{
    public IReadOnlyList<CategoryBranch> Branches { get; private set; } = [];

    public sealed record CategoryBranch(Category Category, IReadOnlyList<Category> Subcategories);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var readable = await categories.ListAsync(Viewer, ct);
        var ids = readable.Select(c => c.Id).ToHashSet();
        // A subcategory whose parent the reader may not see stands on its own, so it stays reachable.
        Branches = readable
            .Where(c => c.ParentId is not { } parentId || !ids.Contains(parentId))
            .Select(c => new CategoryBranch(c, readable.Where(sub => sub.ParentId == c.Id).ToList()))
            .ToList();
    }
}
