using Forum.Core.Categories;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Admin.Categories;

/// <summary>/admin/categories: every category, and the form that creates one.</summary>
public sealed class IndexModel(ICategoryStore categories, CategoryService service) : CategoryFormModel(categories, service)
{
    public Task OnGetAsync(CancellationToken ct) => LoadChoicesAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(ct);
}
