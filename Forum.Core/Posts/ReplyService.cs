using Forum.Core.Accounts;
using Forum.Core.Events;
using Forum.Core.Markdown;
using Forum.Core.Moderation;
using Forum.Core.Notifications;
using Forum.Core.Permissions;
using Forum.Core.Topics;

namespace Forum.Core.Posts;

public sealed record ReplyRequest(Viewer Author, long TopicId, string Raw, int? ReplyToPostNumber);

public sealed class ReplyService(ITopicStore topics, IPostStore posts, IModerationStore moderation, MentionService mentions, IEventPublisher events, TimeProvider clock)
{
    public async Task<Outcome<SavedReply>> ReplyAsync(ReplyRequest request, CancellationToken ct)
    {
        var guardian = new Guardian(request.Author);
        if (request.Author.UserId is not { } authorId) return Outcome<SavedReply>.Refused(Refusal.Forbidden("Log in to reply."));
        var raw = request.Raw.Trim();
        var errors = TopicRules.CheckBody(raw, TopicRules.BodyMin).ToList();
        if (errors.Count > 0) return Outcome<SavedReply>.Refused(errors);

        var topic = await topics.FindAccessAsync(request.TopicId, request.Author, ct);
        if (topic is null) return Outcome<SavedReply>.Refused(Guardian.TopicNotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        var gate = await moderation.ReplyGateAsync(topic.Id, authorId, ct);
        if (guardian.CanReplyNow(new TopicFacts(IsDeleted: false, topic.IsClosed, gate.IsArchived), gate, now) is { } refusal)
            return Outcome<SavedReply>.Refused(refusal);

        PreparedPost prepared;
        try { prepared = await mentions.PrepareAsync(authorId, raw, ct); }
        catch (UnrenderablePostException e) { return Outcome<SavedReply>.Refused(e.Refusal); }
        var saved = await posts.InsertReplyAsync(
            new NewReply(topic.Id, authorId, raw, prepared.Cooked.Html, prepared.Cooked.Version, request.ReplyToPostNumber, now, MayReplyToClosed: request.Author.IsStaff)
            {
                Notices = prepared.Notices,
            }, ct);
        // Closed, archived or deleted between the check and the write: the topic row's WHERE had the last word.
        if (saved is null) return Outcome<SavedReply>.Refused(Refusal.Conflict("This topic is closed."));
        await events.PublishAsync(new ReplyPosted(topic.Id, saved.PostId, saved.PostNumber, authorId), ct);
        if (saved.NotifiedUserIds.Count > 0) await events.PublishAsync(new NotificationCountsChanged(saved.NotifiedUserIds), ct);
        return Outcome<SavedReply>.Ok(saved with { UnnotifiedMentions = prepared.Unnotified });
    }
}
