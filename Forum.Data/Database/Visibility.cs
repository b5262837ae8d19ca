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
}
