namespace Forum.Data.Database;

/// <summary>
/// The one rule for who may read a category, as a SQL predicate over alias <c>c</c> (categories), with the
/// parameters @ViewerId (null for guests) and @IsStaff. Every read that filters by permission uses it.
/// </summary>
internal static class Visibility
{
    public const string CategoryReadable = """
        (NOT c.read_restricted OR @IsStaff OR EXISTS (
            SELECT 1 FROM category_groups cg JOIN group_members gm ON gm.group_id = cg.group_id
             WHERE cg.category_id = c.id AND gm.user_id = @ViewerId))
        """;

    /// <summary>
    /// The same rule for a member other than the viewer, over aliases <c>c</c> (categories) and <c>u</c> (users):
    /// whether <c>u</c> may read <c>c</c>, as when choosing whom a post may notify.
    /// </summary>
    public const string CategoryReadableByUser = """
        (NOT c.read_restricted OR u.role IN ('moderator', 'admin') OR EXISTS (
            SELECT 1 FROM category_groups cg JOIN group_members gm ON gm.group_id = cg.group_id
             WHERE cg.category_id = c.id AND gm.user_id = u.id))
        """;

    // The Guardian's SQL form for what is delivered after the fact (notification emails, digests, live pushes),
    // asked when it is sent rather than when it was queued. Those about members take @Now, the moment of sending.

    /// <summary>Member <c>u</c> is not suspended at @Now: a suspended member receives nothing.</summary>
    public const string UserActive = "(u.suspended_until IS NULL OR u.suspended_until <= @Now)";

    /// <summary>
    /// Whether member <c>u</c> may read topic <c>t</c> (in category <c>c</c>) at @Now: the topic is not deleted, the
    /// category is readable by them, and they are not suspended.
    /// </summary>
    public const string TopicReadableByUser = $"(t.deleted_at IS NULL AND {CategoryReadableByUser} AND {UserActive})";

    /// <summary>
    /// Whether the text of post <c>p</c> may leave the site: neither deleted nor flag-hidden. Hidden text is shown on
    /// the site to its author and staff only, never in a mail. True when <c>p</c> is missing (a left join found none).
    /// </summary>
    public const string PostTextDeliverable = "(p.deleted_at IS NULL AND p.hidden_at IS NULL)";

    /// <summary>Topic <c>t</c> may appear in lists and digests: not deleted and not unlisted (unlisted ones are reached by link only).</summary>
    public const string TopicListed = "(t.deleted_at IS NULL AND t.unlisted_at IS NULL)";
}
