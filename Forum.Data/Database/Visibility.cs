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
}
