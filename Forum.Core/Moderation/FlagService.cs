using Forum.Core.Accounts;
using Forum.Core.Events;
using Forum.Core.Permissions;
using Forum.Core.Posts;
using Microsoft.Extensions.Options;

namespace Forum.Core.Moderation;

/// <summary>Members flag posts; staff settle the flags from the review queue.</summary>
public sealed class FlagService(IPostStore posts, IModerationStore moderation, IStaffLog log, IEventPublisher events,
    IOptions<ModerationOptions> options, TimeProvider clock)
{
    public const int MessageMax = 1000;

    public async Task<Outcome<FlagResult>> FlagAsync(Viewer member, long postId, FlagReason? reason, string message, CancellationToken ct)
    {
        if (member.UserId is not { } userId) return Outcome<FlagResult>.Refused(Guardian.SignInRequired);
        var post = await posts.FindForEditAsync(postId, member, ct);
        if (post is null) return Outcome<FlagResult>.Refused(Guardian.PostNotFound);
        if (new Guardian(member).CanFlag(post.Facts) is { } refused) return Outcome<FlagResult>.Refused(refused);
        message = message.Trim();
        if (reason is null) return Outcome<FlagResult>.Refused(new FieldError("Reason", "Choose why you flag this post."));
        if (reason == FlagReason.Other && message.Length == 0)
            return Outcome<FlagResult>.Refused(new FieldError("Message", "Say what is wrong with this post."));
        if (message.Length > MessageMax)
            return Outcome<FlagResult>.Refused(new FieldError("Message", "The message must be at most {0} characters long.", MessageMax));
        var result = await moderation.FlagAsync(new NewFlag(postId, userId, reason.Value, message, clock.GetUtcNow().UtcDateTime),
            options.Value.FlagsToHide, ct);
        if (result.HiddenNow) await events.PublishAsync(new PostEdited(post.TopicId, postId, post.PostNumber), ct);
        return Outcome<FlagResult>.Ok(result);
    }

    public async Task<Outcome<IReadOnlyList<ReviewItem>>> QueueAsync(Viewer staff, int take, CancellationToken ct) =>
        ModerationRules.RefuseUnlessStaff<IReadOnlyList<ReviewItem>>(staff)
        ?? Outcome<IReadOnlyList<ReviewItem>>.Ok(await moderation.ReviewQueueAsync(take, ct));

    /// <summary>Agree hides the post and tells its author; disagree shows it again; ignore leaves it as it is.</summary>
    public async Task<Outcome<bool>> DecideAsync(Viewer staff, long postId, FlagDecision decision, CancellationToken ct)
    {
        if (ModerationRules.RefuseUnlessStaff<bool>(staff) is { } refused) return refused;
        var staffId = staff.UserId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var reviewed = await moderation.ResolveFlagsAsync(postId, decision, staffId, now, ct);
        if (reviewed is null) return Outcome<bool>.Ok(false);
        var action = decision switch
        {
            FlagDecision.Agree => StaffActions.FlagAgreed,
            FlagDecision.Disagree => StaffActions.FlagDisagreed,
            _ => StaffActions.FlagIgnored,
        };
        await log.WriteAsync(new StaffLogEntry(staffId, action, reviewed.AuthorId, reviewed.TopicId, reviewed.PostId,
            Details: $"{reviewed.FlagCount} flag(s) on post #{reviewed.PostNumber}"), now, ct);
        await events.PublishAsync(new PostEdited(reviewed.TopicId, reviewed.PostId, reviewed.PostNumber), ct);
        if (decision == FlagDecision.Agree)
            await events.PublishAsync(new ModeratorActed(reviewed.AuthorId, reviewed.TopicId, reviewed.PostNumber, "post_hidden", staffId), ct);
        return Outcome<bool>.Ok(true);
    }
}
