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
}
