using Forum.Core.Accounts;
using Forum.Core.Events;
using Forum.Core.Posts;
using Forum.Core.Topics;

namespace Forum.Web.Live;

/// <summary>New replies reach the topic's readers and the topic lists.</summary>
public sealed class PushReplyToReaders(LiveAudience live) : IHandle<ReplyPosted>
{
    public async Task HandleAsync(ReplyPosted e, CancellationToken ct)
    {
        if (await live.ForTopicAsync(e.TopicId, ct) is not var (readers, lists, audience)) return;
        await readers.PostCreated(e.TopicId, e.PostNumber);
        if (lists is not null) await lists.TopicListChanged(e.TopicId, audience.CategoryId, audience.ParentCategoryId);
    }
}

public sealed class PushNewTopicToLists(LiveAudience live) : IHandle<TopicCreated>
{
    public async Task HandleAsync(TopicCreated e, CancellationToken ct)
    {
        if (await live.ForTopicAsync(e.TopicId, ct) is (_, { } lists, var audience))
            await lists.TopicListChanged(e.TopicId, audience.CategoryId, audience.ParentCategoryId);
    }
}

/// <summary>Edits, deletions and restorations re-render the post in place.</summary>
public sealed class PushPostChanges(LiveAudience live) : IHandle<PostEdited>, IHandle<PostDeleted>, IHandle<PostRestored>
{
    public Task HandleAsync(PostEdited e, CancellationToken ct) => PushAsync(e.TopicId, e.PostNumber, ct);

    public Task HandleAsync(PostDeleted e, CancellationToken ct) => PushAsync(e.TopicId, e.PostNumber, ct);

    public Task HandleAsync(PostRestored e, CancellationToken ct) => PushAsync(e.TopicId, e.PostNumber, ct);

    private async Task PushAsync(long topicId, int postNumber, CancellationToken ct)
    {
        if (await live.ForTopicAsync(topicId, ct) is var (readers, _, _)) await readers.PostChanged(topicId, postNumber);
    }
}

/// <summary>Closing, opening, pinning and unpinning update the header and reply box, and the lists.</summary>
public sealed class PushTopicStatus(LiveAudience live) : IHandle<TopicStatusChanged>
{
    public async Task HandleAsync(TopicStatusChanged e, CancellationToken ct)
    {
        if (await live.ForTopicAsync(e.TopicId, ct) is not var (readers, lists, audience)) return;
        await readers.TopicChanged(e.TopicId);
        if (lists is not null) await lists.TopicListChanged(e.TopicId, audience.CategoryId, audience.ParentCategoryId);
    }
}

/// <summary>The personal channel: the author hears of a like on any page they have open, while they may read the topic.</summary>
public sealed class PushLikeToAuthor(LiveAudience live, IUserStore users) : IHandle<PostLiked>
{
    public async Task HandleAsync(PostLiked e, CancellationToken ct)
    {
        if (await users.FindByIdAsync(e.LikerId, ct) is { } liker && await live.UserAboutTopicAsync(e.AuthorId, e.TopicId, ct) is { } author)
            await author.PostLiked(e.TopicId, e.PostNumber, liker.Username);
    }
}
