using Forum.Core.Categories;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Admin.Categories;

/// <summary>/admin/categories/{id}: changes one category, including who may read it.</summary>
public sealed class EditModel(ICategoryStore categories, CategoryService service) : CategoryFormModel(categories, service)
{
    public string CurrentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } category) return NotFound();
        EditingId = id;
        CurrentName = category.Name;
        Input = CategoryFormInput.From(category, await GroupIdsAsync(id, ct));
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } category) return NotFound();
        EditingId = id;
        CurrentName = category.Name;
        return await SaveAsync(ct);
    }
}
