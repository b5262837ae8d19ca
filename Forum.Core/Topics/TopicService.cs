using Forum.Core.Accounts;
using Forum.Core.Categories;
using Forum.Core.Events;
using Forum.Core.Markdown;
using Forum.Core.Moderation;
using Forum.Core.Notifications;
using Forum.Core.Permissions;

namespace Forum.Core.Topics;

public sealed record NewTopicRequest(Viewer Author, long? CategoryId, string Title, string Raw);

public sealed class TopicService(ITopicStore topics, ICategoryStore categories, IModerationStore moderation, MentionService mentions, IEventPublisher events, TimeProvider clock)
{
    public async Task<Outcome<CreatedTopic>> CreateAsync(NewTopicRequest request, CancellationToken ct)
    {
        var guardian = new Guardian(request.Author);
        if (request.Author.UserId is not { } authorId) return Outcome<CreatedTopic>.Refused(guardian.CanStartTopic(null, clock.GetUtcNow().UtcDateTime)!);
        if (guardian.CanStartTopic(await moderation.PenaltyAsync(authorId, ct), clock.GetUtcNow().UtcDateTime) is { } refused)
            return Outcome<CreatedTopic>.Refused(refused);
        var title = TopicRules.NormalizeTitle(request.Title);
        var raw = request.Raw.Trim();
        var errors = TopicRules.CheckTitle(title).Concat(TopicRules.CheckBody(raw, TopicRules.BodyMin)).ToList();
        var category = request.CategoryId is { } id ? await categories.FindAsync(id, request.Author, ct) : null;
        if (category is null) errors.Add(new FieldError("CategoryId", "Choose a category."));
        if (errors.Count > 0) return Outcome<CreatedTopic>.Refused(errors);

        PreparedPost prepared;
        try { prepared = await mentions.PrepareAsync(authorId, raw, ct); }
        catch (UnrenderablePostException e) { return Outcome<CreatedTopic>.Refused(e.Refusal); }
        var created = await topics.CreateAsync(
            new NewTopic(category!.Id, authorId, title, Slug.For(title), raw, prepared.Cooked.Html, prepared.Cooked.Version, clock.GetUtcNow().UtcDateTime)
            {
                Notices = prepared.Notices,
            }, ct);
        await events.PublishAsync(new TopicCreated(created.Id, category.Id, authorId), ct);
        if (created.NotifiedUserIds.Count > 0) await events.PublishAsync(new NotificationCountsChanged(created.NotifiedUserIds), ct);
        return Outcome<CreatedTopic>.Ok(created with { UnnotifiedMentions = prepared.Unnotified });
    }
}
