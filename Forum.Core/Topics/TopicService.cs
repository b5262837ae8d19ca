using Forum.Core.Accounts;
using Forum.Core.Categories;
using Forum.Core.Events;
using Forum.Core.Markdown;
using Forum.Core.Moderation;

namespace Forum.Core.Topics;

public sealed record NewTopicRequest(Viewer Author, long? CategoryId, string Title, string Raw);

public sealed class TopicService(ITopicStore topics, ICategoryStore categories, IModerationStore moderation, PostCooker cooker, IEventPublisher events, TimeProvider clock)
{
    public async Task<Outcome<CreatedTopic>> CreateAsync(NewTopicRequest request, CancellationToken ct)
    {
        if (request.Author.UserId is not { } authorId) return Outcome<CreatedTopic>.Refused(new FieldError("", "Log in to start a topic."));
        if (await moderation.PenaltyAsync(authorId, ct) is { } penalty && PostingRules.SilencedRefusal(penalty.SilencedUntil, penalty.SilenceReason, clock.GetUtcNow().UtcDateTime) is { } silenced)
            return Outcome<CreatedTopic>.Refused(silenced);
        var title = request.Title.Trim();
        var raw = request.Raw.Trim();
        var errors = TopicRules.CheckTitle(title).Concat(TopicRules.CheckBody(raw, TopicRules.BodyMin)).ToList();
        var category = request.CategoryId is { } id ? await categories.FindAsync(id, request.Author, ct) : null;
        if (category is null) errors.Add(new FieldError("CategoryId", "Choose a category."));
        if (errors.Count > 0) return Outcome<CreatedTopic>.Refused(errors);

        var cooked = cooker.Cook(raw);
        var created = await topics.CreateAsync(
            new NewTopic(category!.Id, authorId, title, Slug.For(title), raw, cooked.Html, cooked.Version, clock.GetUtcNow().UtcDateTime), ct);
        await events.PublishAsync(new TopicCreated(created.Id, category.Id, authorId), ct);
        return Outcome<CreatedTopic>.Ok(created);
    }
}
