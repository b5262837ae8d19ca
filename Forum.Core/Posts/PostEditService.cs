using Forum.Core.Accounts;
using Forum.Core.Events;
using Forum.Core.Markdown;
using Forum.Core.Moderation;
using Forum.Core.Notifications;
using Forum.Core.Permissions;
using Forum.Core.Topics;

namespace Forum.Core.Posts;

public sealed class PostEditService(IPostStore posts, IStaffLog log, MentionService mentions, IEventPublisher events, TimeProvider clock)
{
    public async Task<Outcome<PostLocation>> EditAsync(Viewer editor, long postId, int expectedVersion, string raw, CancellationToken ct)
    {
        var post = await posts.FindForEditAsync(postId, editor, ct);
        if (post is null) return Outcome<PostLocation>.Refused(Guardian.PostNotFound);
        if (new Guardian(editor).CanEdit(post.TopicFacts, post.Facts) is { } refused) return Outcome<PostLocation>.Refused(refused);
        raw = raw.Trim();
        var errors = TopicRules.CheckBody(raw, TopicRules.BodyMin).ToList();
        if (errors.Count > 0) return Outcome<PostLocation>.Refused(errors);

        var location = new PostLocation(post.TopicId, post.TopicSlug, post.PostNumber);
        if (raw == post.Raw) return Outcome<PostLocation>.Ok(location);
        // Mentions are the author's words even when staff edit them, so the author's limit applies.
        PreparedPost prepared;
        try { prepared = await mentions.PrepareAsync(post.UserId, raw, ct); }
        catch (UnrenderablePostException e) { return Outcome<PostLocation>.Refused(e.Refusal); }
        var notified = await posts.UpdateAsync(new PostEdit(postId, expectedVersion, raw, prepared.Cooked.Html, prepared.Cooked.Version, editor.UserId!.Value, clock.GetUtcNow().UtcDateTime)
        {
            Notices = prepared.Notices,
        }, ct);
        if (notified is null) return Outcome<PostLocation>.Refused(Refusal.Conflict("Someone else edited this post meanwhile. Review their changes, then save again."));
        await events.PublishAsync(new PostEdited(post.TopicId, postId, post.PostNumber), ct);
        if (notified.Count > 0) await events.PublishAsync(new NotificationCountsChanged(notified), ct);
        await RecordStaffActionAsync(editor, post, StaffActions.PostEdited, post.Raw, raw, ct);
        return Outcome<PostLocation>.Ok(location with { UnnotifiedMentions = prepared.Unnotified });
    }

    /// <summary>Staff acting on someone else's post: logged, and the author is told.</summary>
    private async Task RecordStaffActionAsync(Viewer staff, PostForEdit post, string action, string before, string after, CancellationToken ct)
    {
        if (!staff.IsStaff || staff.UserId is not { } staffId || staffId == post.UserId) return;
        await log.WriteAsync(new StaffLogEntry(staffId, action, post.UserId, post.TopicId, post.Id,
            Details: $"#{post.PostNumber}", Before: before, After: after), clock.GetUtcNow().UtcDateTime, ct);
        await events.PublishAsync(new ModeratorActed(post.UserId, post.TopicId, post.PostNumber, action, staffId), ct);
    }

    public async Task<Outcome<PostLocation>> DeleteAsync(Viewer deleter, long postId, CancellationToken ct)
    {
        var post = await posts.FindForEditAsync(postId, deleter, ct);
        if (post is null) return Outcome<PostLocation>.Refused(Guardian.PostNotFound);
        if (new Guardian(deleter).CanDelete(post.TopicFacts, post.Facts) is { } refused) return Outcome<PostLocation>.Refused(refused);
        if (await posts.SoftDeleteAsync(postId, deleter.UserId!.Value, clock.GetUtcNow().UtcDateTime, ct))
        {
            await events.PublishAsync(new PostDeleted(post.TopicId, postId, post.PostNumber), ct);
            await RecordStaffActionAsync(deleter, post, StaffActions.PostDeleted, "", "", ct);
        }
        return Outcome<PostLocation>.Ok(new PostLocation(post.TopicId, post.TopicSlug, post.PostNumber));
    }

    public async Task<Outcome<int>> LikeAsync(Viewer liker, long postId, bool liked, CancellationToken ct)
    {
        var post = await posts.FindForEditAsync(postId, liker, ct);
        if (post is null) return Outcome<int>.Refused(Guardian.PostNotFound);
        if (new Guardian(liker).CanLike(post.Facts) is { } refused) return Outcome<int>.Refused(refused);
        var userId = liker.UserId!.Value;
        var (count, changed) = await posts.SetLikeAsync(postId, userId, liked, clock.GetUtcNow().UtcDateTime, ct);
        if (changed && liked) await events.PublishAsync(new PostLiked(post.TopicId, postId, post.PostNumber, post.UserId, userId), ct);
        return Outcome<int>.Ok(count);
    }

    /// <summary>Staff bring a deleted post back; an author undoes their own deletion.</summary>
    public async Task<Outcome<PostLocation>> RestoreAsync(Viewer restorer, long postId, CancellationToken ct)
    {
        var post = await posts.FindForEditAsync(postId, restorer, ct);
        if (post is null) return Outcome<PostLocation>.Refused(Guardian.PostNotFound);
        var refusal = new Guardian(restorer).CanRestore(post.Facts);
        // A second click finds the work done: nothing to refuse.
        if (refusal?.Kind == RefusalKind.Conflict) return Outcome<PostLocation>.Ok(new PostLocation(post.TopicId, post.TopicSlug, post.PostNumber));
        if (refusal is not null) return Outcome<PostLocation>.Refused(refusal);
        if (await posts.RestoreAsync(postId, ct))
        {
            await events.PublishAsync(new PostRestored(post.TopicId, postId, post.PostNumber), ct);
            await RecordStaffActionAsync(restorer, post, StaffActions.PostRestored, "", "", ct);
        }
        return Outcome<PostLocation>.Ok(new PostLocation(post.TopicId, post.TopicSlug, post.PostNumber));
    }
}
