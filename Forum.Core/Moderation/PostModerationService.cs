using Forum.Core.Permissions;
using Forum.Core.Accounts;
using Forum.Core.Events;
using Forum.Core.Posts;

namespace Forum.Core.Moderation;

/// <summary>Staff lock a post against edits by its author (staff may still edit it), and unlock it.</summary>
public sealed class PostModerationService(IPostStore posts, IModerationStore moderation, IEventPublisher events, TimeProvider clock)
{
    public async Task<Outcome<PostLocation>> SetLockedAsync(Viewer staff, long postId, bool locked, CancellationToken ct)
    {
        if (ModerationRules.RefuseUnlessStaff<PostLocation>(staff) is { } refused) return refused;
        var post = await posts.FindForEditAsync(postId, staff, ct);
        if (post is null) return Outcome<PostLocation>.Refused(Guardian.PostNotFound);
        var staffId = staff.UserId!.Value;
        var author = await moderation.SetPostLockedAsync(postId, locked, staffId, clock.GetUtcNow().UtcDateTime, ct);
        if (author is { } authorId)
        {
            await events.PublishAsync(new PostEdited(post.TopicId, postId, post.PostNumber), ct);
            if (authorId != staffId)
                await events.PublishAsync(new ModeratorActed(authorId, post.TopicId, post.PostNumber, locked ? StaffActions.PostLocked : StaffActions.PostUnlocked, staffId), ct);
        }
        return Outcome<PostLocation>.Ok(new PostLocation(post.TopicId, post.TopicSlug, post.PostNumber));
    }
}
