namespace Forum.Core.Drafts;

/// <summary>What the composer held. Title and category belong to a new topic's draft only.</summary>
public sealed record DraftText(string Raw, string? Title = null, long? CategoryId = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Raw) && string.IsNullOrWhiteSpace(Title);
}

/// <summary>
/// A member's draft under one key. <see cref="Sequence"/> counts how often the draft was posted or discarded, as
/// Discourse's draft sequence does: a composer still holding an older sequence (another tab, another device)
/// cannot bring back a draft that was already posted. Text is null when there is nothing saved.
/// </summary>
public sealed record DraftState(string Key, int Sequence, DraftText? Text)
{
    public bool HasText => Text is { IsEmpty: false };

    public static DraftState None(string key) => new(key, 0, null);
}
