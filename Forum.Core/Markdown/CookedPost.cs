namespace Forum.Core.Markdown;

/// <summary>Sanitised HTML for a post, with the <see cref="PostCooker.CookerVersion"/> that produced it.</summary>
public sealed record CookedPost(string Html, int Version);
