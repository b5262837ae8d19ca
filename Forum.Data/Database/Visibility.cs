namespace Forum.Data.Database;

/// <summary>
/// The Guardian's rules (Forum.Core.Permissions.Guardian) as SQL predicates, for reads that filter many rows at
/// once. The Guardian owns them: change a rule there and here together; VisibilityAgreementTests evaluates each
/// fragment against the Guardian method it mirrors. Parameters: @ViewerId (null for guests) and @IsStaff.
/// </summary>
internal static class Visibility
{
    /// <summary>Guardian.CanSeeCategory, over alias <c>c</c> (categories).</summary>
    public const string CategoryReadable = """
        (NOT c.read_restricted OR @IsStaff OR EXISTS (
            SELECT 1 FROM category_groups cg JOIN group_members gm ON gm.group_id = cg.group_id
             WHERE cg.category_id = c.id AND gm.user_id = @ViewerId))
        """;

    /// <summary>Guardian.CanSee(topic) within a readable category, over aliases <c>t</c> (topics) and <c>c</c> (its category).</summary>
    public const string TopicReadable = $"""
        ((t.deleted_at IS NULL OR @IsStaff) AND {CategoryReadable})
        """;

    /// <summary>Which readable topics lists show (latest, categories, profile activity): not unlisted ones, which only a link reaches.</summary>
    public const string TopicListed = "(t.unlisted_at IS NULL)";

    /// <summary>
    /// Guardian.CanSeePostText, over alias <c>p</c> (posts): a deleted post's text is for staff, a flag-hidden
    /// one's for its author and staff. Never null, so it can be selected as a flag as well as filtered on.
    /// </summary>
    public const string PostTextReadable = """
        (@IsStaff OR (p.deleted_at IS NULL AND (p.hidden_at IS NULL OR p.user_id IS NOT DISTINCT FROM @ViewerId)))
        """;

    /// <summary>
    /// The category rule for a member other than the viewer, over aliases <c>c</c> (categories) and <c>u</c>
    /// (users): whether <c>u</c> may read <c>c</c>, as when choosing whom a post may notify.
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

    /// <summary>Topic <c>t</c> may appear in digests and list banners: listed (<see cref="TopicListed"/>) and not deleted.</summary>
    public const string TopicDeliverable = $"(t.deleted_at IS NULL AND {TopicListed})";
}
