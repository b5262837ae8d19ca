using Forum.Core.Accounts;
using Forum.Core.Events;
using Forum.Core.Markdown;
using Forum.Core.Moderation;
using Forum.Core.Notifications;
using Forum.Core.Topics;

namespace Forum.Core.Posts;

public sealed class PostEditService(IPostStore posts, IModerationStore moderation, IStaffLog log, MentionService mentions, IEventPublisher events, TimeProvider clock)
{
    /// <summary>Authors edit their own posts; staff edit any.</summary>
    public static bool MayChange(Viewer viewer, PostForEdit post) =>
        !post.IsDeleted && (viewer.IsStaff || viewer.UserId == post.UserId);

    public async Task<Outcome<PostLocation>> EditAsync(Viewer editor, long postId, int expectedVersion, string raw, CancellationToken ct)
    {
        var post = await posts.FindForEditAsync(postId, editor, ct);
        if (post is null || !MayChange(editor, post)) return Outcome<PostLocation>.Refused(new FieldError("", "You cannot edit this post."));
        if (EditRefusal(await moderation.PostGateAsync(postId, ct), editor) is { } locked) return Outcome<PostLocation>.Refused(locked);
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
        if (notified is null) return Outcome<PostLocation>.Refused(new FieldError("", "Someone else edited this post meanwhile. Review their changes, then save again."));
        await events.PublishAsync(new PostEdited(post.TopicId, postId, post.PostNumber), ct);
        if (notified.Count > 0) await events.PublishAsync(new NotificationCountsChanged(notified), ct);
        await RecordStaffActionAsync(editor, post, StaffActions.PostEdited, post.Raw, raw, ct);
        return Outcome<PostLocation>.Ok(location with { UnnotifiedMentions = prepared.Unnotified });
    }

    /// <summary>Why this editor may not edit a post now: archived topic, or (for its author) locked by a moderator.</summary>
    public static FieldError? EditRefusal(PostGate? gate, Viewer editor)
    {
        if (gate is { IsTopicArchived: true }) return new FieldError("", "This topic is archived; its posts can no longer be edited.");
        if (gate is { IsLocked: true } && !editor.IsStaff) return new FieldError("", "A moderator locked this post; it can no longer be edited.");
        return null;
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
        if (post is null || !MayChange(deleter, post)) return Outcome<PostLocation>.Refused(new FieldError("", "You cannot delete this post."));
        // Deleting the first post would orphan the topic; that is a moderator's topic action.
        if (post.PostNumber == 1 && !deleter.IsStaff) return Outcome<PostLocation>.Refused(new FieldError("", "The first post of a topic cannot be deleted."));
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
        if (liker.UserId is not { } userId || post is null || post.IsDeleted) return Outcome<int>.Refused(new FieldError("", "You cannot like this post."));
        if (post.UserId == userId) return Outcome<int>.Refused(new FieldError("", "You cannot like your own post."));
        var (count, changed) = await posts.SetLikeAsync(postId, userId, liked, ct);
        if (changed && liked) await events.PublishAsync(new PostLiked(post.TopicId, postId, post.PostNumber, post.UserId, userId), ct);
        return Outcome<int>.Ok(count);
    }

    /// <summary>Staff bring a deleted post back.</summary>
    public async Task<Outcome<PostLocation>> RestoreAsync(Viewer staff, long postId, CancellationToken ct)
    {
        var post = staff.IsStaff ? await posts.FindForEditAsync(postId, staff, ct) : null;
        if (post is null) return Outcome<PostLocation>.Refused(new FieldError("", "Only moderators can do that."));
        if (await posts.RestoreAsync(postId, ct))
        {
            await events.PublishAsync(new PostRestored(post.TopicId, postId, post.PostNumber), ct);
            await RecordStaffActionAsync(staff, post, StaffActions.PostRestored, "", "", ct);
        }
        return Outcome<PostLocation>.Ok(new PostLocation(post.TopicId, post.TopicSlug, post.PostNumber));
    }
}
