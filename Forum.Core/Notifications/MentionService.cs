using Forum.Core.Markdown;
using Forum.Core.Topics;
using Microsoft.Extensions.Options;

namespace Forum.Core.Notifications;

/// <summary>
/// Cooks posts with their mentions resolved: the names are read from the Markdown tree, looked up once, and only
/// names that exist become links. Posts without mentions or quotes cost no lookup.
/// </summary>
public sealed class MentionService(PostCooker cooker, INotificationStore store, IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>For saving a post: the HTML, whom it notifies, and which mentions the limit left out.</summary>
    public async Task<PreparedPost> PrepareAsync(long authorId, string raw, CancellationToken ct)
    {
        var names = cooker.ReadNames(raw, ct);
        if (names.All.Count == 0) return new PreparedPost(cooker.Cook(raw, ct: ct), PostNotices.None, []);
        var (targets, authorCreatedAt) = await store.FindMentionTargetsAsync(names.All, authorId, ct);
        var limit = NotificationRules.MentionLimit(options.Value, authorCreatedAt, clock.GetUtcNow().UtcDateTime);
        var (notices, overLimit) = NotificationRules.Apply(names, targets, authorId, limit);
        return new PreparedPost(cooker.Cook(raw, targets, ct), notices, overLimit);
    }

    /// <summary>For re-cooking: the HTML as it will be saved, notifying nobody.</summary>
    public async Task<CookedPost> CookAsync(string raw, CancellationToken ct)
    {
        var names = cooker.ReadNames(raw, ct);
        if (names.All.Count == 0) return cooker.Cook(raw, ct: ct);
        var (targets, _) = await store.FindMentionTargetsAsync(names.All, null, ct);
        return cooker.Cook(raw, targets, ct);
    }

    /// <summary>How many members and groups the composer suggests for one "@" prefix.</summary>
    public const int SuggestionCount = 6;

    /// <summary>The longest prefix worth looking up: longer than any name.</summary>
    public const int MaxSuggestionTerm = 60;

    /// <summary>
    /// For the composer's "@" suggestions: whom a mention typed now would name, so the list never offers a name
    /// that would stay plain text. An empty prefix suggests nobody.
    /// </summary>
    public async Task<Outcome<MentionSuggestions>> SuggestAsync(string? term, CancellationToken ct)
    {
        var prefix = (term ?? "").Trim().TrimStart('@').ToLowerInvariant();
        if (prefix.Length > MaxSuggestionTerm)
            return Outcome<MentionSuggestions>.Refused(new FieldError("term", "Type at most {0} characters to look up a name.", MaxSuggestionTerm));
        if (prefix.Length == 0) return Outcome<MentionSuggestions>.Ok(MentionSuggestions.None);
        return Outcome<MentionSuggestions>.Ok(await store.SuggestMentionTargetsAsync(prefix, SuggestionCount, ct));
    }

    /// <summary>
    /// For the preview button: the same length and content rules as saving, so a preview never costs more than a
    /// post may; the request's token stops the work when the browser leaves.
    /// </summary>
    public async Task<Outcome<CookedPost>> PreviewAsync(string raw, CancellationToken ct)
    {
        raw = raw.Trim();
        var errors = TopicRules.CheckBody(raw, TopicRules.ReplyMin).ToList();
        if (errors.Count > 0) return Outcome<CookedPost>.Refused(errors);
        try { return Outcome<CookedPost>.Ok(await CookAsync(raw, ct)); }
        catch (UnrenderablePostException e) { return Outcome<CookedPost>.Refused(e.Refusal); }
    }
}
