using Dapper;
using Forum.Core.Groups;
using Npgsql;

namespace Forum.Data.Groups;

public sealed class GroupStore(NpgsqlDataSource db) : IGroupStore
{
    public async Task<IReadOnlyList<Group>> ListAsync(CancellationToken ct)
    {
        const string sql = """
            SELECT g.id, g.name, g.created_at, g.mentionable AS is_mentionable FROM groups g ORDER BY lower(g.name);
            SELECT gm.group_id, u.id AS user_id, u.username
              FROM group_members gm JOIN users u ON u.id = gm.user_id
             ORDER BY lower(u.username);
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: ct));
        var groups = (await grid.ReadAsync<GroupRow>()).AsList();
        var members = (await grid.ReadAsync<GroupMember>()).ToLookup(m => m.GroupId);
        return groups.Select(g => new Group(g.Id, g.Name, g.CreatedAt, members[g.Id].ToList()) { IsMentionable = g.IsMentionable }).ToList();
    }

    public async Task<long?> CreateAsync(string name, DateTime createdAt, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO groups (name, created_at) VALUES (@Name, @CreatedAt)
            ON CONFLICT DO NOTHING
            RETURNING id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new { Name = name, CreatedAt = createdAt }, cancellationToken: ct));
    }

    public async Task<AddMemberResult> AddMemberAsync(long groupId, string username, CancellationToken ct)
    {
        const string sql = """
            WITH target AS (SELECT id FROM users WHERE lower(username) = lower(@Username)),
                 grp AS (SELECT id FROM groups WHERE id = @GroupId),
                 added AS (
                     INSERT INTO group_members (group_id, user_id)
                     SELECT grp.id, target.id FROM grp, target
                     ON CONFLICT DO NOTHING
                     RETURNING user_id)
            SELECT EXISTS (SELECT 1 FROM grp) AS group_found, EXISTS (SELECT 1 FROM target) AS user_found,
                   EXISTS (SELECT 1 FROM added) AS added;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleAsync<AddRow>(new CommandDefinition(sql, new { GroupId = groupId, Username = username }, cancellationToken: ct));
        return row switch
        {
            { GroupFound: false } => AddMemberResult.NoSuchGroup,
            { UserFound: false } => AddMemberResult.NoSuchUser,
            { Added: false } => AddMemberResult.AlreadyMember,
            _ => AddMemberResult.Added,
        };
    }

    public async Task<bool> RemoveMemberAsync(long groupId, long userId, CancellationToken ct)
    {
        const string sql = "DELETE FROM group_members WHERE group_id = @GroupId AND user_id = @UserId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, new { GroupId = groupId, UserId = userId }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> SetMentionableAsync(long groupId, bool mentionable, CancellationToken ct)
    {
        const string sql = "UPDATE groups SET mentionable = @Mentionable WHERE id = @GroupId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, new { GroupId = groupId, Mentionable = mentionable }, cancellationToken: ct)) == 1;
    }

    private sealed record GroupRow(long Id, string Name, DateTime CreatedAt, bool IsMentionable);

    private sealed record AddRow(bool GroupFound, bool UserFound, bool Added);
}
