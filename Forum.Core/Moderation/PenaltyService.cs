using Forum.Core.Accounts;

namespace Forum.Core.Moderation;

/// <summary>
/// Silence (can read, cannot post) and suspend (cannot log in) a member until a moment, with a reason the member
/// is shown. Staff cannot be penalised: demote them first.
/// </summary>
public sealed class PenaltyService(IUserStore users, IModerationStore moderation, SessionService sessions, TimeProvider clock)
{
    public async Task<Outcome<bool>> SetAsync(Viewer staff, long userId, PenaltyKind kind, DateTime? until, string reason, CancellationToken ct)
    {
        if (ModerationRules.RefuseUnlessStaff<bool>(staff) is { } refused) return refused;
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return Outcome<bool>.Refused(Refusal.NotFound("That member no longer exists."));
        if (user.IsStaff) return Outcome<bool>.Refused(Refusal.Forbidden("Staff members cannot be silenced or suspended."));
        reason = reason.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = ModerationRules.CheckReason(reason).ToList();
        if (until is null || until <= now) errors.Add(new FieldError("Until", "Choose a moment in the future."));
        if (reason.Length == 0) errors.Add(new FieldError("Reason", "Say why, so the member knows."));
        if (errors.Count > 0) return Outcome<bool>.Refused(errors);
        var set = await moderation.SetPenaltyAsync(userId, kind, until, reason, staff.UserId!.Value, now, ct);
        // A suspension logs the member out everywhere at once, live connections included.
        if (set && kind == PenaltyKind.Suspend) await sessions.EndAllAsync(userId, ct);
        return Outcome<bool>.Ok(set);
    }

    public async Task<Outcome<bool>> LiftAsync(Viewer staff, long userId, PenaltyKind kind, CancellationToken ct)
    {
        if (ModerationRules.RefuseUnlessStaff<bool>(staff) is { } refused) return refused;
        return Outcome<bool>.Ok(await moderation.SetPenaltyAsync(userId, kind, null, "", staff.UserId!.Value, clock.GetUtcNow().UtcDateTime, ct));
    }

    /// <summary>Why this member may not log in now, or null.</summary>
    public async Task<FieldError?> LoginRefusalAsync(long userId, CancellationToken ct)
    {
        var penalty = await moderation.PenaltyAsync(userId, ct);
        return penalty is { SuspendedUntil: { } until } && penalty.IsSuspendedAt(clock.GetUtcNow().UtcDateTime)
            ? new FieldError("", "Your account is suspended until {0}. Reason: {1}", ModerationRules.Moment(until), penalty.SuspendReason)
            : null;
    }

    public Task<UserPenalty?> FindAsync(long userId, CancellationToken ct) => moderation.PenaltyAsync(userId, ct);
}
