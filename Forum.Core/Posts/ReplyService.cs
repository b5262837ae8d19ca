using Forum.Core.Accounts;
using Forum.Core.Events;
using Forum.Core.Markdown;
using Forum.Core.Moderation;
using Forum.Core.Notifications;
using Forum.Core.Topics;

namespace Forum.Core.Posts;

public sealed record ReplyRequest(Viewer Author, long TopicId, string Raw, int? ReplyToPostNumber);

public sealed class ReplyService(ITopicStore topics, IPostStore posts, IModerationStore moderation, MentionService mentions, IEventPublisher events, TimeProvider clock)
{
    public async Task<Outcome<SavedReply>> ReplyAsync(ReplyRequest request, CancellationToken ct)
    {
        if (request.Author.UserId is not { } authorId) return Outcome<SavedReply>.Refused(new FieldError("", "Log in to reply."));
        var raw = request.Raw.Trim();
        var errors = TopicRules.CheckBody(raw, TopicRules.BodyMin).ToList();
        if (errors.Count > 0) return Outcome<SavedReply>.Refused(errors);

        var topic = await topics.FindAccessAsync(request.TopicId, request.Author, ct);
        if (topic is null) return Outcome<SavedReply>.Refused(new FieldError("", "This topic does not exist or you cannot see it."));
        // Staff may still reply to a closed topic, as in Discourse (to explain why it was closed, say).
        var isStaff = request.Author.IsStaff;
        if (topic.IsClosed && !isStaff) return Outcome<SavedReply>.Refused(new FieldError("", "This topic is closed."));
        var now = clock.GetUtcNow().UtcDateTime;
        var gate = await moderation.ReplyGateAsync(topic.Id, authorId, ct);
        if (PostingRules.Refusal(gate, isStaff, now) is { } refusal) return Outcome<SavedReply>.Refused(refusal);

        PreparedPost prepared;
        try { prepared = await mentions.PrepareAsync(authorId, raw, ct); }
        catch (UnrenderablePostException e) { return Outcome<SavedReply>.Refused(e.Refusal); }
        var saved = await posts.InsertReplyAsync(
            new NewReply(topic.Id, authorId, raw, prepared.Cooked.Html, prepared.Cooked.Version, request.ReplyToPostNumber, now, MayReplyToClosed: isStaff)
            {
                Notices = prepared.Notices,
            }, ct);
        if (saved is null) return Outcome<SavedReply>.Refused(new FieldError("", "This topic is closed."));
        await events.PublishAsync(new ReplyPosted(topic.Id, saved.PostId, saved.PostNumber, authorId), ct);
        if (saved.NotifiedUserIds.Count > 0) await events.PublishAsync(new NotificationCountsChanged(saved.NotifiedUserIds), ct);
        return Outcome<SavedReply>.Ok(saved with { UnnotifiedMentions = prepared.Unnotified });
    }
}
