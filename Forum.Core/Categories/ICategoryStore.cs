using Forum.Core.Accounts;

namespace Forum.Core.Categories;

public interface ICategoryStore
{
    /// <summary>The categories the viewer may read, by position.</summary>
    Task<IReadOnlyList<Category>> ListAsync(Viewer viewer, CancellationToken ct);

    /// <summary>Null when missing or not readable by the viewer.</summary>
    Task<Category?> FindAsync(long id, Viewer viewer, CancellationToken ct);

    /// <summary>Null when the slug is taken.</summary>
    Task<long?> CreateAsync(CategoryInput input, CancellationToken ct);

    /// <summary>False when the slug is taken by another category or the category is gone.</summary>
    Task<bool> UpdateAsync(long id, CategoryInput input, CancellationToken ct);

    /// <summary>Group ids allowed to read a restricted category.</summary>
    Task<IReadOnlyList<long>> GroupIdsAsync(long categoryId, CancellationToken ct);

    /// <summary>Every group, by name, for the admin's "who may read" choices.</summary>
    Task<IReadOnlyList<GroupOption>> GroupOptionsAsync(CancellationToken ct);
}
