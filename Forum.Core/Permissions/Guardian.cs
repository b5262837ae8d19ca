using Forum.Core.Accounts;
using Forum.Core.Moderation;

namespace Forum.Core.Permissions;

/// <summary>What the rules need to know about a topic. Readers only get here for topics in categories they may read.</summary>
public sealed record TopicFacts(bool IsDeleted, bool IsClosed, bool IsArchived);

/// <summary>What the rules need to know about a post.</summary>
/// <param name="IsDeletedByAuthor">The author deleted it themself (not staff), so the author may undo it.</param>
public sealed record PostFacts(long AuthorId, int PostNumber, bool IsDeleted, bool IsHidden, bool IsLocked, bool IsDeletedByAuthor = false);

/// <summary>
/// The one place that answers "may this viewer …?" (Discourse's Guardian). Each method returns null when allowed,
/// or the refusal to show. Lists filter in SQL with the fragments in Forum.Data's Visibility, which mirror
/// <see cref="CanSeeCategory"/>, <see cref="CanSee"/> and <see cref="CanSeePostText"/>; a test holds them to it.
/// </summary>
public sealed class Guardian(Viewer viewer)
{
    public static readonly Refusal TopicNotFound = Refusal.NotFound("This topic does not exist or you cannot see it.");
    public static readonly Refusal PostNotFound = Refusal.NotFound("This post does not exist or you cannot see it.");
    public static readonly Refusal StaffOnly = Refusal.Forbidden("Only moderators can do that.");
    public static readonly Refusal SignInRequired = Refusal.Forbidden("Log in to do that.");

    public Viewer Viewer => viewer;

    private bool IsAuthorOf(PostFacts post) => viewer.UserId is { } id && id == post.AuthorId;

    /// <summary>A restricted category is read by its groups' members and by staff.</summary>
    public Refusal? CanSeeCategory(bool isRestricted, bool isViewerInAllowedGroup) =>
        !isRestricted || isViewerInAllowedGroup || viewer.IsStaff ? null : Refusal.NotFound("This category does not exist or you cannot see it.");

    /// <summary>A deleted topic is gone for all but staff; an unlisted one is read by anyone with the link.</summary>
    public Refusal? CanSee(TopicFacts topic) => topic.IsDeleted && !viewer.IsStaff ? TopicNotFound : null;

    /// <summary>
    /// A deleted post keeps its place ("this post was deleted") but its text is for staff; a post hidden by flags
    /// shows its text to its author and staff only. The same rule covers every copy of the text: the page,
    /// fragments, profile activity, edit history and quotes.
    /// </summary>
    public Refusal? CanSeePostText(PostFacts post)
    {
        if (viewer.IsStaff) return null;
        if (post.IsDeleted) return PostNotFound;
        if (post.IsHidden && !IsAuthorOf(post)) return Refusal.Forbidden("This post is hidden pending review.");
        return null;
    }

    /// <summary>The edit history shows every old text, so it follows the text's rule.</summary>
    public Refusal? CanSeeHistory(PostFacts post) => CanSeePostText(post);

    /// <summary>
    /// Whether the reply box belongs on the topic: signed in, topic not deleted or archived; closed topics take
    /// replies from staff only (as in Discourse, to say why it was closed). Silence and slow mode depend on the
    /// member's own history and are checked when the reply is sent (<see cref="CanReplyNow"/>).
    /// </summary>
    public Refusal? CanReply(TopicFacts topic)
    {
        if (!viewer.IsSignedIn) return Refusal.Forbidden("Log in to reply.");
        if (CanSee(topic) is { } unseen) return unseen;
        if (topic.IsDeleted) return Refusal.Conflict("This topic was deleted; it no longer accepts replies.");
        if (topic.IsArchived) return Refusal.Forbidden("This topic is archived; it no longer accepts replies.");
        if (topic.IsClosed && !viewer.IsStaff) return Refusal.Forbidden("This topic is closed.");
        return null;
    }

    /// <summary><see cref="CanReply"/>, and the member is not silenced and not held back by the topic's slow mode.</summary>
    public Refusal? CanReplyNow(TopicFacts topic, ReplyGate gate, DateTime now)
    {
        if (CanReply(topic) is { } refused) return refused;
        if (Silenced(gate.SilencedUntil, gate.SilenceReason, now) is { } silenced) return silenced;
        if (!viewer.IsStaff && gate.SlowModeMinutes > 0 && gate.LastPostAt > now.AddMinutes(-gate.SlowModeMinutes))
            return Plural.IsOne(gate.SlowModeMinutes)
                ? Refusal.Forbidden("This topic is in slow mode: you can post here once a minute.")
                : Refusal.Forbidden("This topic is in slow mode: you can post here once every {0} minutes.", gate.SlowModeMinutes);
        return null;
    }

    public Refusal? CanStartTopic(UserPenalty? penalty, DateTime now)
    {
        if (!viewer.IsSignedIn) return Refusal.Forbidden("Log in to start a topic.");
        return penalty is null ? null : Silenced(penalty.SilencedUntil, penalty.SilenceReason, now);
    }

    /// <summary>Images go into posts (and avatars beside them), so uploading needs what posting needs.</summary>
    public Refusal? CanUpload(UserPenalty? penalty, DateTime now)
    {
        if (!viewer.IsSignedIn) return Refusal.Forbidden("Log in to upload images.");
        return penalty is null ? null : Silenced(penalty.SilencedUntil, penalty.SilenceReason, now);
    }

    private static Refusal? Silenced(DateTime? until, string reason, DateTime now) =>
        until is { } end && end > now
            ? Refusal.Forbidden("You are silenced until {0}, so you cannot post. Reason: {1}", ModerationRules.Moment(end), reason)
            : null;

    /// <summary>Quoting copies the text into the reply box: the viewer must be able to reply and to read that text.</summary>
    public Refusal? CanQuote(TopicFacts topic, PostFacts post) => CanReply(topic) ?? CanSeePostText(post);

    /// <summary>Authors edit their own posts unless a moderator locked them; staff edit any; nobody edits in an archived topic.</summary>
    public Refusal? CanEdit(TopicFacts topic, PostFacts post)
    {
        if (!viewer.IsSignedIn) return SignInRequired;
        if (!IsAuthorOf(post) && !viewer.IsStaff) return Refusal.Forbidden("You can only edit your own posts.");
        if (post.IsDeleted) return Refusal.Conflict("This post was deleted, so it can no longer be edited.");
        if (topic.IsArchived) return Refusal.Forbidden("This topic is archived; its posts can no longer be edited.");
        if (post.IsLocked && !viewer.IsStaff) return Refusal.Forbidden("A moderator locked this post; it can no longer be edited.");
        return null;
    }

    /// <summary>Authors delete their own replies; the first post is the topic's, so only staff delete it.</summary>
    public Refusal? CanDelete(TopicFacts topic, PostFacts post)
    {
        if (!viewer.IsSignedIn) return SignInRequired;
        if (!IsAuthorOf(post) && !viewer.IsStaff) return Refusal.Forbidden("You can only delete your own posts.");
        if (post.IsDeleted) return Refusal.Conflict("This post was already deleted.");
        if (post.PostNumber == 1 && !viewer.IsStaff) return Refusal.Forbidden("The first post of a topic cannot be deleted.");
        return null;
    }

    /// <summary>Staff restore any deleted post; authors undo their own deletion, but not one staff made (as Discourse).</summary>
    public Refusal? CanRestore(PostFacts post)
    {
        if (!viewer.IsSignedIn) return SignInRequired;
        if (!post.IsDeleted) return Refusal.Conflict("This post is not deleted.");
        if (viewer.IsStaff || (IsAuthorOf(post) && post.IsDeletedByAuthor)) return null;
        return IsAuthorOf(post)
            ? Refusal.Forbidden("A moderator deleted this post; only staff can restore it.")
            : Refusal.Forbidden("You can only restore your own posts.");
    }

    public Refusal? CanLike(PostFacts post)
    {
        if (!viewer.IsSignedIn) return SignInRequired;
        if (post.IsDeleted) return Refusal.Conflict("This post was deleted, so it can no longer be liked.");
        if (IsAuthorOf(post)) return Refusal.Forbidden("You cannot like your own post.");
        return CanSeePostText(post);
    }

    public Refusal? CanFlag(PostFacts post)
    {
        if (!viewer.IsSignedIn) return SignInRequired;
        if (post.IsDeleted) return PostNotFound;
        if (IsAuthorOf(post)) return Refusal.Forbidden("You cannot flag your own post.");
        return null;
    }

    /// <summary>Close, pin, move, lock, restore, review flags, silence: staff only.</summary>
    public Refusal? CanModerate() => viewer.IsStaff ? null : StaffOnly;
}
