using Forum.Core.Accounts;

namespace Forum.Core.Categories;

public sealed class CategoryService(ICategoryStore categories)
{
    public async Task<Outcome<long>> CreateAsync(Viewer admin, CategoryInput input, CancellationToken ct)
    {
        input = CategoryRules.Normalize(input);
        var errors = await CheckAsync(admin, null, input, ct);
        if (errors.Count > 0) return Outcome<long>.Refused(errors);
        return await categories.CreateAsync(input, ct) is { } id
            ? Outcome<long>.Ok(id)
            : Outcome<long>.Refused(new FieldError("Slug", "That slug is taken."));
    }

    public async Task<Outcome<long>> UpdateAsync(Viewer admin, long id, CategoryInput input, CancellationToken ct)
    {
        input = CategoryRules.Normalize(input);
        var errors = await CheckAsync(admin, id, input, ct);
        if (errors.Count > 0) return Outcome<long>.Refused(errors);
        return await categories.UpdateAsync(id, input, ct)
            ? Outcome<long>.Ok(id)
            : Outcome<long>.Refused(new FieldError("Slug", "That slug is taken."));
    }

    private async Task<List<FieldError>> CheckAsync(Viewer admin, long? id, CategoryInput input, CancellationToken ct)
    {
        if (!admin.IsAdmin) return [new FieldError("", "Only admins manage categories.")];
        var errors = CategoryRules.Check(input).ToList();
        if (input.ParentId is { } parentId)
        {
            // Categories nest one level deep, as in Discourse's default settings.
            var all = await categories.ListAsync(admin, ct);
            var parent = all.FirstOrDefault(c => c.Id == parentId);
            if (parent is null || parent.ParentId is not null || parentId == id)
                errors.Add(new FieldError("ParentId", "A category can only sit inside a top-level category."));
            else if (id is not null && all.Any(c => c.ParentId == id))
                errors.Add(new FieldError("ParentId", "A category with subcategories cannot sit inside another."));
        }
        return errors;
    }
}
