namespace Forum.Core.Markdown;

/// <summary>
/// Sanitised HTML for a post, with the <see cref="PostCooker.CookerVersion"/> that produced it, and whom it names:
/// the members and groups it mentions and the members it quotes, each once, in order of appearance.
/// </summary>
public sealed record CookedPost(string Html, int Version, IReadOnlyList<string> Mentions)
{
    public IReadOnlyList<string> GroupMentions { get; init; } = [];

    public IReadOnlyList<string> Quoted { get; init; } = [];

    // Two cookings of one text are equal when they say the same, whatever list instances hold the names.
    public bool Equals(CookedPost? other) =>
        other is not null && Html == other.Html && Version == other.Version && Mentions.SequenceEqual(other.Mentions)
        && GroupMentions.SequenceEqual(other.GroupMentions) && Quoted.SequenceEqual(other.Quoted);

    public override int GetHashCode() => HashCode.Combine(Html, Version, Mentions.Count);
}
