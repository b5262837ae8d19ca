namespace Forum.Core.Drafts;

/// <summary>Drafts are keyed by their owner: every method takes the member's id, so no one reaches another's.</summary>
public interface IDraftStore
{
    /// <summary>The member's draft under the key; sequence 0 and no text when there never was one.</summary>
    Task<DraftState> FindAsync(long userId, string key, CancellationToken ct);

    /// <summary>
    /// Saves the text unless <paramref name="expectedSequence"/> is given and the draft moved past it (posted or
    /// discarded meanwhile). Returns the draft's sequence, or null when refused for that reason.
    /// </summary>
    Task<int?> SaveAsync(long userId, string key, DraftText text, int? expectedSequence, DateTime at, CancellationToken ct);

    /// <summary>Empties the draft and moves its sequence on; returns the new sequence (0 when there was no draft).</summary>
    Task<int> DiscardAsync(long userId, string key, DateTime at, CancellationToken ct);
}
