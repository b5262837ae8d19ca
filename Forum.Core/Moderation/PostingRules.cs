namespace Forum.Core.Moderation;

/// <summary>Why a member may not post in a topic right now: silenced, archived topic, or slow mode.</summary>
public static class PostingRules
{
    public static FieldError? SilencedRefusal(DateTime? silencedUntil, string reason, DateTime now) =>
        silencedUntil is { } until && until > now
            ? new FieldError("", "You are silenced until {0}, so you cannot post. Reason: {1}", ModerationRules.Moment(until), reason)
            : null;

    public static FieldError? Refusal(ReplyGate gate, bool isStaff, DateTime now)
    {
        if (SilencedRefusal(gate.SilencedUntil, gate.SilenceReason, now) is { } silenced) return silenced;
        if (gate.IsArchived) return new FieldError("", "This topic is archived; it no longer accepts replies.");
        if (!isStaff && gate.SlowModeMinutes > 0 && gate.LastPostAt > now.AddMinutes(-gate.SlowModeMinutes))
            return new FieldError("", "This topic is in slow mode: you can post here once every {0} minutes.", gate.SlowModeMinutes);
        return null;
    }
}
