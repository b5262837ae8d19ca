namespace Forum.Core.Categories;

public sealed record Category(
    long Id, string Name, string Slug, string Description, string Color, int Position, long? ParentId,
    bool IsReadRestricted, int TopicCount, int PostCount, DateTime? LatestPostAt);

public sealed record CategoryInput(string Name, string Slug, string Description, string Color, int Position, long? ParentId, bool IsReadRestricted, IReadOnlyList<long> GroupIds);
