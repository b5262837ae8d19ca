using Forum.Core.Accounts;

namespace Forum.Core.Posts;

public interface IPostStore
{
    /// <summary>Takes the next post number and bumps the topic, in one transaction. Null: topic closed or gone.</summary>
    Task<SavedReply?> InsertReplyAsync(NewReply reply, CancellationToken ct);

    /// <summary>Null when missing or not readable by the viewer.</summary>
    Task<PostForEdit?> FindForEditAsync(long postId, Viewer viewer, CancellationToken ct);

    /// <summary>Null when missing or not readable by the viewer.</summary>
    Task<PostForEdit?> FindByNumberAsync(long topicId, int postNumber, Viewer viewer, CancellationToken ct);

    /// <summary>
    /// Keeps the old text as a revision and notifies whom the edit newly names, in one transaction. Returns the
    /// members notified; null when someone else saved first (version moved on).
    /// </summary>
    Task<IReadOnlyList<long>?> UpdateAsync(PostEdit edit, CancellationToken ct);

    /// <summary>False when already deleted.</summary>
    Task<bool> SoftDeleteAsync(long postId, long byUserId, DateTime at, CancellationToken ct);

    Task<IReadOnlyList<PostRevision>> RevisionsAsync(long postId, CancellationToken ct);

    /// <summary>Adds or removes the like; returns the post's like count and whether this call changed it.</summary>
    Task<(int LikeCount, bool Changed)> SetLikeAsync(long postId, long userId, bool liked, DateTime at, CancellationToken ct);

    /// <summary>False when it was not deleted.</summary>
    Task<bool> RestoreAsync(long postId, CancellationToken ct);

    /// <summary>Posts cooked by an older renderer, newest first.</summary>
    Task<IReadOnlyList<StalePost>> StaleCookedAsync(int currentVersion, int take, CancellationToken ct);

    /// <summary>Stores a re-cooked text unless the post was edited meanwhile (its raw changed).</summary>
    Task<bool> RecookAsync(long postId, string expectedRaw, string cooked, int cookedVersion, CancellationToken ct);

    /// <summary>A user's latest visible posts for their profile page.</summary>
    Task<IReadOnlyList<UserPostSummary>> RecentByUserAsync(long userId, Viewer viewer, int take, CancellationToken ct);

    /// <summary>The topics the member posted in most recently, newest first, counting only posts the viewer may read (for the user card).</summary>
    Task<IReadOnlyList<UserTopicActivity>> RecentTopicsByUserAsync(long userId, Viewer viewer, int take, CancellationToken ct);
}

public sealed record StalePost(long Id, string Raw);

/// <summary>A topic a member posted in, and when they last did, as far as the viewer may see.</summary>
public sealed record UserTopicActivity(long TopicId, string TopicSlug, string TopicTitle, DateTime LastPostedAt);

public sealed record UserPostSummary(long TopicId, string TopicSlug, string TopicTitle, int PostNumber, string Cooked, DateTime CreatedAt);
