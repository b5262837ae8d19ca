using Dapper;
using Forum.Core.Accounts;
using Forum.Core.Categories;
using Forum.Data.Database;
using Npgsql;

namespace Forum.Data.Categories;

public sealed class CategoryStore(NpgsqlDataSource db) : ICategoryStore
{
    private const string CategoryColumns = """
        c.id, c.name, c.slug, c.description, c.color, c.position, c.parent_id, c.read_restricted AS is_read_restricted,
        c.topic_count, c.post_count, c.latest_post_at
        """;

    public async Task<IReadOnlyList<Category>> ListAsync(Viewer viewer, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {CategoryColumns} FROM categories c
             WHERE {Visibility.CategoryReadable}
             ORDER BY c.position, c.name;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Category>(new CommandDefinition(sql, ViewerArgs(viewer), cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<Category?> FindAsync(long id, Viewer viewer, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {CategoryColumns} FROM categories c
             WHERE c.id = @Id AND {Visibility.CategoryReadable};
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Category>(new CommandDefinition(sql,
            new { Id = id, ViewerId = viewer.UserId, viewer.IsStaff }, cancellationToken: ct));
    }

    public async Task<long?> CreateAsync(CategoryInput input, CancellationToken ct)
    {
        const string insert = """
            INSERT INTO categories (name, slug, description, color, position, parent_id, read_restricted)
            VALUES (@Name, @Slug, @Description, @Color, @Position, @ParentId, @IsReadRestricted)
            RETURNING id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        try
        {
            var id = await conn.ExecuteScalarAsync<long>(new CommandDefinition(insert, input, tx, cancellationToken: ct));
            await ReplaceGroupsAsync(conn, tx, id, input.GroupIds, ct);
            await tx.CommitAsync(ct);
            return id;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return null;
        }
    }

    public async Task<bool> UpdateAsync(long id, CategoryInput input, CancellationToken ct)
    {
        const string update = """
            UPDATE categories SET name = @Name, slug = @Slug, description = @Description, color = @Color,
                   position = @Position, parent_id = @ParentId, read_restricted = @IsReadRestricted
             WHERE id = @Id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        try
        {
            var changed = await conn.ExecuteAsync(new CommandDefinition(update, new
            {
                Id = id, input.Name, input.Slug, input.Description, input.Color, input.Position, input.ParentId, input.IsReadRestricted,
            }, tx, cancellationToken: ct));
            if (changed == 0) return false;
            await ReplaceGroupsAsync(conn, tx, id, input.GroupIds, ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<long>> GroupIdsAsync(long categoryId, CancellationToken ct)
    {
        const string sql = "SELECT group_id FROM category_groups WHERE category_id = @CategoryId ORDER BY group_id;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<long>(new CommandDefinition(sql, new { CategoryId = categoryId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<GroupOption>> GroupOptionsAsync(CancellationToken ct)
    {
        const string sql = "SELECT id, name FROM groups ORDER BY lower(name);";
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<GroupOption>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }

    private static async Task ReplaceGroupsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long categoryId, IReadOnlyList<long> groupIds, CancellationToken ct)
    {
        const string sql = """
            DELETE FROM category_groups WHERE category_id = @CategoryId AND group_id <> ALL(@GroupIds);
            INSERT INTO category_groups (category_id, group_id)
            SELECT @CategoryId, g.id FROM groups g WHERE g.id = ANY(@GroupIds)
            ON CONFLICT DO NOTHING;
            """;
        await conn.ExecuteAsync(new CommandDefinition(sql, new { CategoryId = categoryId, GroupIds = groupIds.ToArray() }, tx, cancellationToken: ct));
    }

    internal static object ViewerArgs(Viewer viewer) => new { ViewerId = viewer.UserId, viewer.IsStaff };
}
