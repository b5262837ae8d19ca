using Forum.Core.Categories;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Forum.Web.Pages.Admin.Categories;

/// <summary>What the create form on /admin/categories and the edit form on /admin/categories/{id} share.</summary>
public abstract class CategoryFormModel(ICategoryStore categories, CategoryService service) : ForumPageModel
{
    [BindProperty] public CategoryFormInput Input { get; set; } = new();

    /// <summary>Every category, by position; admins see private ones too.</summary>
    public IReadOnlyList<Category> AllCategories { get; private set; } = [];

    public IReadOnlyList<GroupOption> Groups { get; private set; } = [];

    /// <summary>The category being edited, or null on the create form.</summary>
    public long? EditingId { get; protected set; }

    /// <summary>Only top-level categories can hold others, and never the one being edited.</summary>
    public IEnumerable<Category> ParentChoices => AllCategories.Where(c => c.ParentId is null && c.Id != EditingId);

    public sealed class CategoryFormInput
    {
        public string? Name { get; set; } = "";
        public string? Slug { get; set; } = "";
        public string? Description { get; set; } = "";
        public string? Color { get; set; } = "0088CC";
        public int Position { get; set; }
        public long? ParentId { get; set; }
        public bool IsReadRestricted { get; set; }
        public List<long> GroupIds { get; set; } = [];

        public static CategoryFormInput From(Category category, IReadOnlyList<long> groupIds) => new()
        {
            Name = category.Name, Slug = category.Slug, Description = category.Description, Color = category.Color,
            Position = category.Position, ParentId = category.ParentId, IsReadRestricted = category.IsReadRestricted,
            GroupIds = groupIds.ToList(),
        };
    }

    protected Task<Category?> FindAsync(long id, CancellationToken ct) => categories.FindAsync(id, Viewer, ct);

    protected Task<IReadOnlyList<long>> GroupIdsAsync(long id, CancellationToken ct) => categories.GroupIdsAsync(id, ct);

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        AllCategories = await categories.ListAsync(Viewer, ct);
        Groups = await categories.GroupOptionsAsync(ct);
    }

    /// <summary>Creates (no <see cref="EditingId"/>) or updates, then back to the list; refusals re-show the form as typed with 422.</summary>
    protected async Task<IActionResult> SaveAsync(CancellationToken ct)
    {
        // Only the numeric fields can fail to bind; say so in the reader's language instead of the framework's English.
        var unreadable = ModelState.Where(entry => entry.Value?.ValidationState == ModelValidationState.Invalid).Select(entry => entry.Key).ToList();
        if (unreadable.Count > 0)
        {
            foreach (var key in unreadable)
            {
                ModelState[key]!.Errors.Clear();
                ModelState.AddModelError(key, L["Enter a whole number."]);
            }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadChoicesAsync(ct);
            return Page();
        }

        var input = new CategoryInput(Input.Name ?? "", Input.Slug ?? "", Input.Description ?? "", Input.Color ?? "",
            Input.Position, Input.ParentId, Input.IsReadRestricted, Input.GroupIds);
        var outcome = EditingId is { } id
            ? await service.UpdateAsync(Viewer, id, input, ct)
            : await service.CreateAsync(Viewer, input, ct);
        if (outcome.Succeeded) return Redirect("/admin/categories");
        await LoadChoicesAsync(ct);
        return RefusedPage(outcome.Errors);
    }
}
