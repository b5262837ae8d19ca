using Forum.Core.Accounts;
using Forum.Core.Topics;

namespace Forum.Core.Drafts;

/// <summary>The rules for saving what a member is composing, so no text is lost to a closed tab or a refused post.</summary>
public sealed class DraftService(IDraftStore drafts, TimeProvider clock)
{
    /// <summary>A draft holds at most what a post may: anything longer could never be posted anyway.</summary>
    public const int RawMax = TopicRules.BodyMax, TitleMax = TopicRules.TitleMax;

    public static readonly Refusal LogInFirst = Refusal.Forbidden("Log in to keep drafts.");
    public static readonly Refusal UnknownKey = new FieldError("Key", "There is no draft of that kind.");
    public static readonly Refusal MovedOn = Refusal.Conflict("This draft was posted or discarded elsewhere. Copy your text, then reload the page.");

    /// <summary>The viewer's draft under the key, or none for guests and unknown keys.</summary>
    public async Task<DraftState> FindAsync(Viewer viewer, string key, CancellationToken ct) =>
        viewer.UserId is { } userId && DraftKeys.IsValid(key) ? await drafts.FindAsync(userId, key, ct) : DraftState.None(key);

    public async Task<Outcome<DraftState>> FindOrRefuseAsync(Viewer viewer, string? key, CancellationToken ct)
    {
        if (viewer.UserId is not { } userId) return Outcome<DraftState>.Refused(LogInFirst);
        if (!DraftKeys.IsValid(key)) return Outcome<DraftState>.Refused(UnknownKey);
        return Outcome<DraftState>.Ok(await drafts.FindAsync(userId, key!, ct));
    }

    /// <summary>
    /// Saves as the member types; <paramref name="expectedSequence"/> is the sequence their page was given, or null
    /// for a save the server makes itself on a refused submit. Returns the draft's sequence.
    /// </summary>
    public async Task<Outcome<int>> SaveAsync(Viewer viewer, string? key, DraftText text, int? expectedSequence, CancellationToken ct)
    {
        if (viewer.UserId is not { } userId) return Outcome<int>.Refused(LogInFirst);
        var errors = Check(key, text).ToArray();
        if (errors.Length > 0) return Outcome<int>.Refused(errors);
        var saved = await drafts.SaveAsync(userId, key!, text, expectedSequence, clock.GetUtcNow().UtcDateTime, ct);
        return saved is { } sequence ? Outcome<int>.Ok(sequence) : Outcome<int>.Refused(MovedOn);
    }

    /// <summary>Keeps what a refused submit or a preview carried; a text a draft cannot hold is left to the re-shown form alone.</summary>
    public async Task KeepUnpostedAsync(Viewer viewer, string key, DraftText text, CancellationToken ct)
    {
        if (viewer.UserId is not { } userId || text.IsEmpty || Check(key, text).Any()) return;
        await drafts.SaveAsync(userId, key, text, null, clock.GetUtcNow().UtcDateTime, ct);
    }

    public async Task<Outcome<int>> DiscardAsync(Viewer viewer, string? key, CancellationToken ct)
    {
        if (viewer.UserId is not { } userId) return Outcome<int>.Refused(LogInFirst);
        if (!DraftKeys.IsValid(key)) return Outcome<int>.Refused(UnknownKey);
        return Outcome<int>.Ok(await drafts.DiscardAsync(userId, key!, clock.GetUtcNow().UtcDateTime, ct));
    }

    private static IEnumerable<Refusal> Check(string? key, DraftText text)
    {
        if (!DraftKeys.IsValid(key)) yield return UnknownKey;
        if (text.Raw.Length > RawMax) yield return new FieldError("Raw", "A draft can hold at most {0} characters.", RawMax);
        if (text.Title?.Length > TitleMax) yield return new FieldError("Title", "A draft's title can hold at most {0} characters.", TitleMax);
        // PostgreSQL text cannot hold NUL, and no keyboard types one.
        if (text.Raw.Contains('\0') || text.Title?.Contains('\0') == true)
            yield return new FieldError("Raw", "Post contains a NUL character, which cannot be saved. Remove it and try again.");
    }
}
