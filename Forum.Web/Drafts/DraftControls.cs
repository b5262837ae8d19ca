using Forum.Core.Drafts;

namespace Forum.Web.Drafts;

/// <summary>What a composer form needs to show its draft: the key and sequence for autosave, and the way back after discarding.</summary>
public sealed record DraftControls(string Key, int Sequence, bool HasDraft, string ReturnUrl)
{
    public static DraftControls For(DraftState draft, string returnUrl) => new(draft.Key, draft.Sequence, draft.HasText, returnUrl);
}
