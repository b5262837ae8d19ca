using Forum.Core.Accounts;
using Forum.Core.Moderation;

namespace Forum.Core.Categories;

public sealed class CategoryService(ICategoryStore categories, IStaffLog log, TimeProvider clock)
{
    public async Task<Outcome<long>> CreateAsync(Viewer admin, CategoryInput input, CancellationToken ct)
    {
        input = CategoryRules.Normalize(input);
        var errors = await CheckAsync(admin, null, input, ct);
        if (errors.Count > 0) return Outcome<long>.Refused(errors);
        if (await categories.CreateAsync(input, ct) is not { } id) return Outcome<long>.Refused(new FieldError("Slug", "That slug is taken."));
        await log.WriteAsync(new StaffLogEntry(admin.UserId ?? StaffActions.ForumItself, StaffActions.CategoryCreated, Details: input.Name, After: input.Slug), clock.GetUtcNow().UtcDateTime, ct);
        return Outcome<long>.Ok(id);
    }

    public async Task<Outcome<long>> UpdateAsync(Viewer admin, long id, CategoryInput input, CancellationToken ct)
    {
        input = CategoryRules.Normalize(input);
        var errors = await CheckAsync(admin, id, input, ct);
        if (errors.Count > 0) return Outcome<long>.Refused(errors);
        var before = await categories.FindAsync(id, admin, ct);
        if (!await categories.UpdateAsync(id, input, ct)) return Outcome<long>.Refused(new FieldError("Slug", "That slug is taken."));
        await log.WriteAsync(new StaffLogEntry(admin.UserId ?? StaffActions.ForumItself, StaffActions.CategoryUpdated, Details: input.Name,
            Before: before is null ? "" : $"{before.Name} ({before.Slug})", After: $"{input.Name} ({input.Slug})"), clock.GetUtcNow().UtcDateTime, ct);
        return Outcome<long>.Ok(id);
    }

    private async Task<List<Refusal>> CheckAsync(Viewer admin, long? id, CategoryInput input, CancellationToken ct)
    {
        if (!admin.IsAdmin) return [Refusal.Forbidden("Only admins manage categories.")];
        var errors = CategoryRules.Check(input).ToList<Refusal>();
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
