namespace Forum.Core.Digests;

/// <summary>A member whose digest is due, and the key of the window: their local date when it fell due.</summary>
public sealed record DueDigest(long UserId, DateOnly Period);

/// <summary>
/// Who a digest is for. <see cref="Since"/> is where the window begins: the frequency's length before now,
/// or the last digest sent if that is later. <see cref="IsSuspended"/> is as of the send: a suspended member gets none.
/// </summary>
public sealed record DigestMember(
    long Id,
    string Username,
    string Name,
    string Email,
    string Locale,
    string TimeZone,
    bool IsStaff,
    DigestFrequency Frequency,
    DateTime? EmailConfirmedAt,
    DateTime? LastSeenAt,
    DateTime Since,
    bool IsSuspended);

public sealed record DigestCounts(int NewTopics, int NewPosts, int NewMembers);

/// <summary>A topic as the digest lists it; the window's replies, participants and likes rank it.</summary>
public sealed record DigestTopic(
    long Id,
    string Title,
    string Slug,
    string CategoryName,
    string CategoryColor,
    bool IsPinned,
    int ReplyCount,
    int FirstUnreadPostNumber,
    DateTime CreatedAt,
    DateTime LastPostedAt,
    int WindowReplies,
    int WindowParticipants,
    int WindowLikes,
    string FirstPostRaw);

public sealed record CategoryActivity(long CategoryId, int NewTopics, int NewPosts);

/// <summary>
/// The window as one member may and wants to read it: the categories that count for them, members who joined,
/// the most active topics and the new ones.
/// </summary>
public sealed record DigestWindow(IReadOnlyList<long> CategoryIds, int NewMembers, IReadOnlyList<DigestTopic> Popular, IReadOnlyList<DigestTopic> NewTopics);

/// <summary>What the digest says: counts, the most active topics, and the new ones.</summary>
public sealed record DigestContent(DigestCounts Counts, IReadOnlyList<DigestTopic> Popular, IReadOnlyList<DigestTopic> NewTopics);

/// <summary>A digest to send, or why none goes out (<see cref="SkipReason"/>).</summary>
public sealed record Digest(DigestMember? Member, DateOnly Period, DateTime Until, DigestContent? Content, string? SkipReason)
{
    public bool IsEmpty => SkipReason is not null;

    public static Digest Skipped(DigestMember? member, DateOnly period, DateTime until, string reason) => new(member, period, until, null, reason);
}
