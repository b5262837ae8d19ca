namespace Forum.Core.Categories;

/// <summary>A group an admin may allow to read a private category.</summary>
public sealed record GroupOption(long Id, string Name);
