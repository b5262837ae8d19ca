using Dapper;
using Forum.Core.Markdown;
using Forum.Core.Moderation;
using Forum.Core.Notifications;
using Forum.Data.Database;
using Npgsql;

namespace Forum.Data.Notifications;

public sealed class NotificationStore(NpgsqlDataSource db) : INotificationStore
{
    /// <summary>
    /// Whom a mention may name, over aliases <c>u</c> (users) and <c>g</c> (groups): any member by username, a
    /// group only when it is mentionable. Resolving mentions and suggesting them share these, so the composer
    /// offers exactly the names that will become links.
    /// </summary>
    private const string MentionableUser = "TRUE", MentionableGroup = "g.mentionable";
    public async Task<(MentionTargets Targets, DateTime? AuthorCreatedAt)> FindMentionTargetsAsync(IReadOnlyList<string> names, long? authorId, CancellationToken ct)
    {
        // Both lookups use the lower(name) unique indexes.
        const string sql = $"""
            SELECT u.id, u.username AS name FROM users u WHERE {MentionableUser} AND lower(u.username) = ANY(@Names);
            SELECT g.id, g.name FROM groups g WHERE {MentionableGroup} AND lower(g.name) = ANY(@Names);
            SELECT created_at FROM users WHERE id = @AuthorId;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql,
            new { Names = names.Select(n => n.ToLowerInvariant()).ToArray(), AuthorId = authorId }, cancellationToken: ct));
        var users = await grid.ReadAsync<MentionTarget>();
        var groups = await grid.ReadAsync<MentionTarget>();
        var authorCreatedAt = await grid.ReadSingleOrDefaultAsync<DateTime?>();
        return (new MentionTargets(users, groups), authorCreatedAt);
    }

    public async Task<MentionSuggestions> SuggestMentionTargetsAsync(string prefix, int take, CancellationToken ct)
    {
        // Members by username or full name, the exact name first, then whoever was around last; groups by name.
        // The prefix is matched literally: LIKE's own wildcards in it are escaped.
        const string sql = $"""
            SELECT u.username, u.name FROM users u
             WHERE {MentionableUser} AND (lower(u.username) LIKE @Pattern OR lower(u.name) LIKE @Pattern)
             ORDER BY lower(u.username) = @Prefix DESC, lower(u.username) LIKE @Pattern DESC, u.last_seen_at DESC NULLS LAST, u.username
             LIMIT @Take;
            SELECT g.name FROM groups g
             WHERE {MentionableGroup} AND lower(g.name) LIKE @Pattern
             ORDER BY g.name
             LIMIT @Take;
            """;
        var pattern = prefix.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql,
            new { Prefix = prefix, Pattern = pattern, Take = take }, cancellationToken: ct));
        var users = (await grid.ReadAsync<UserSuggestion>()).AsList();
        var groups = (await grid.ReadAsync<string>()).AsList();
        return new MentionSuggestions(users, groups);
    }

    // A notification stays visible only while its recipient may read the topic: one removed from a private
    // category's group no longer sees its titles here. A moderator's word outlives a deleted topic.
    private const string NotificationColumns = """
        n.id, n.kind::int AS kind, n.topic_id, t.slug AS topic_slug, t.title AS topic_title, n.post_number,
        a.username AS actor_username, n.actor_count, n.detail, n.created_at, n.read_at IS NOT NULL AS is_read, a.avatar_file AS actor_avatar_file
        """;

    private const string NotificationFrom = $"""
          FROM notifications n
          JOIN users u ON u.id = n.user_id
          JOIN topics t ON t.id = n.topic_id
          JOIN categories c ON c.id = t.category_id
          LEFT JOIN users a ON a.id = n.actor_user_id
         WHERE n.user_id = @UserId AND (t.deleted_at IS NULL OR n.kind = 8) AND {Visibility.CategoryReadableByUser}
        """;

    public async Task<NotificationPage> ListAsync(long userId, NotificationCursor? before, int take, CancellationToken ct)
    {
        // Backed by INDEX notifications (user_id, created_at DESC, id DESC); one row more tells if there is a next page.
        const string sql = $"""
            SELECT {NotificationColumns} {NotificationFrom}
               AND (@BeforeCreatedAt::timestamptz IS NULL OR (n.created_at, n.id) < (@BeforeCreatedAt, @BeforeId))
             ORDER BY n.created_at DESC, n.id DESC
             LIMIT @Take;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<Notification>(new CommandDefinition(sql,
            new { UserId = userId, BeforeCreatedAt = before?.CreatedAt, BeforeId = before?.Id ?? 0, Take = take + 1 }, cancellationToken: ct))).AsList();
        NotificationCursor? next = null;
        if (rows.Count > take)
        {
            rows.RemoveAt(rows.Count - 1);
            next = new NotificationCursor(rows[^1].CreatedAt, rows[^1].Id);
        }
        return new NotificationPage(rows, next);
    }

    public async Task<NotificationMenu> MenuAsync(long userId, int take, CancellationToken ct)
    {
        const string sql = $"""
            SELECT count(*)::int {NotificationFrom} AND n.read_at IS NULL;
            SELECT {NotificationColumns} {NotificationFrom}
             ORDER BY n.created_at DESC, n.id DESC
             LIMIT @Take;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { UserId = userId, Take = take }, cancellationToken: ct));
        var unread = await grid.ReadSingleAsync<int>();
        var latest = (await grid.ReadAsync<Notification>()).AsList();
        return new NotificationMenu(unread, latest);
    }

    public async Task<Notification?> OpenAsync(long userId, long notificationId, DateTime at, CancellationToken ct)
    {
        // The SELECT sees the row as it was before the UPDATE in the same statement, so is_read tells whether
        // this opening is what read it.
        const string sql = $"""
            WITH marked AS (
                UPDATE notifications SET read_at = @At
                 WHERE id = @NotificationId AND user_id = @UserId AND read_at IS NULL)
            SELECT {NotificationColumns} {NotificationFrom} AND n.id = @NotificationId;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Notification>(new CommandDefinition(sql,
            new { UserId = userId, NotificationId = notificationId, At = at }, cancellationToken: ct));
    }

    public async Task<int> MarkAllReadAsync(long userId, DateTime at, CancellationToken ct)
    {
        const string sql = "UPDATE notifications SET read_at = @At WHERE user_id = @UserId AND read_at IS NULL;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, new { UserId = userId, At = at }, cancellationToken: ct));
    }

    public async Task<IReadOnlyDictionary<long, int>> UnreadCountsAsync(IReadOnlyList<long> userIds, CancellationToken ct)
    {
        const string sql = $"""
            SELECT n.user_id, count(*)::int AS unread
              FROM notifications n
              JOIN users u ON u.id = n.user_id
              JOIN topics t ON t.id = n.topic_id
              JOIN categories c ON c.id = t.category_id
             WHERE n.user_id = ANY(@UserIds) AND n.read_at IS NULL
               AND (t.deleted_at IS NULL OR n.kind = 8) AND {Visibility.CategoryReadableByUser}
             GROUP BY n.user_id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long UserId, int Unread)>(new CommandDefinition(sql, new { UserIds = userIds.ToArray() }, cancellationToken: ct));
        var counts = rows.ToDictionary(r => r.UserId, r => r.Unread);
        foreach (var id in userIds) counts.TryAdd(id, 0);
        return counts;
    }

    public async Task<bool> AddModeratorActionAsync(ModeratorActed action, DateTime at, CancellationToken ct)
    {
        // Unlike other kinds, a muted topic does not silence this: members should know what was done to their posts.
        const string sql = $"""
            INSERT INTO notifications (user_id, kind, topic_id, post_id, post_number, actor_user_id, detail, created_at)
            SELECT u.id, 8, t.id, p.id, @PostNumber, @ModeratorId, @Action, @At
              FROM users u
              JOIN topics t ON t.id = @TopicId
              JOIN categories c ON c.id = t.category_id
              LEFT JOIN posts p ON p.topic_id = t.id AND p.post_number = @PostNumber
             WHERE u.id = @TargetUserId AND {Visibility.CategoryReadableByUser};
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql,
            new { action.TargetUserId, action.TopicId, action.PostNumber, action.ModeratorId, action.Action, At = at }, cancellationToken: ct)) == 1;
    }

    public async Task<int> PruneReadAsync(DateTime readBefore, CancellationToken ct)
    {
        // A few thousand rows per statement keeps locks and WAL bursts small; the job loops until done.
        const string sql = """
            DELETE FROM notifications
             WHERE id IN (SELECT id FROM notifications WHERE read_at < @ReadBefore LIMIT 5000);
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var total = 0;
        int deleted;
        do
        {
            deleted = await conn.ExecuteAsync(new CommandDefinition(sql, new { ReadBefore = readBefore }, cancellationToken: ct));
            total += deleted;
        } while (deleted > 0);
        return total;
    }

    public async Task<NotificationPreferences?> PreferencesAsync(long userId, CancellationToken ct)
    {
        const string sql = """
            SELECT level_on_create::int AS on_create, level_on_reply::int AS on_reply, email_when_away
              FROM users WHERE id = @UserId;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<NotificationPreferences>(new CommandDefinition(sql, new { UserId = userId }, cancellationToken: ct));
    }

    public async Task<bool> SavePreferencesAsync(long userId, NotificationPreferences preferences, CancellationToken ct)
    {
        const string sql = """
            UPDATE users SET level_on_create = @OnCreate, level_on_reply = @OnReply, email_when_away = @EmailWhenAway
             WHERE id = @UserId;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql,
            new { UserId = userId, OnCreate = (short)preferences.OnCreate, OnReply = (short)preferences.OnReply, preferences.EmailWhenAway },
            cancellationToken: ct)) == 1;
    }
}
