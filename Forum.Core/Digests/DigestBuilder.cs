namespace Forum.Core.Digests;

/// <summary>Decides whether a member gets a digest for a window, and gathers what it says.</summary>
public sealed class DigestBuilder(IDigestStore digests, DigestWindowActivity activity)
{
    public const int TopicsShown = 10;

    public async Task<Digest> BuildAsync(long userId, DateOnly period, DateTime now, CancellationToken ct)
    {
        // Windows end on the next whole minute, so digests built within a minute share their counts.
        now = new DateTime(now.Ticks + (TimeSpan.TicksPerMinute - now.Ticks % TimeSpan.TicksPerMinute) % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var member = await digests.MemberAsync(userId, now, ct);
        if (member is null) return Digest.Skipped(null, period, now, "member no longer exists");
        if (member.IsSuspended) return Digest.Skipped(member, period, now, "member suspended");
        if (member.Frequency == DigestFrequency.Never) return Digest.Skipped(member, period, now, "unsubscribed");
        if (member.EmailConfirmedAt is null) return Digest.Skipped(member, period, now, "email not confirmed");
        // As Discourse: someone who came to the site during the window has seen it for themselves.
        if (member.LastSeenAt >= member.Since) return Digest.Skipped(member, period, now, "visited the site during the window");

        var window = await digests.WindowAsync(member, now, TopicsShown, ct);
        var shown = window.Popular.Select(t => t.Id).ToHashSet();
        var newTopics = window.NewTopics.Where(t => !shown.Contains(t.Id)).Take(TopicsShown).ToList();
        if (window.Popular.Count == 0 && newTopics.Count == 0) return Digest.Skipped(member, period, now, "nothing new");

        var perCategory = await activity.ForAsync(member.Since, now);
        var counted = window.CategoryIds.Select(id => perCategory.GetValueOrDefault(id)).OfType<CategoryActivity>().ToList();
        var counts = new DigestCounts(counted.Sum(c => c.NewTopics), counted.Sum(c => c.NewPosts), window.NewMembers);
        return new Digest(member, period, now, new DigestContent(counts, window.Popular, newTopics), null);
    }
}
