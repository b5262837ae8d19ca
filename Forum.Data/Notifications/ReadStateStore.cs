using Dapper;
using Forum.Core.Accounts;
using Forum.Core.Notifications;
using Forum.Data.Database;
using Npgsql;

namespace Forum.Data.Notifications;

public sealed class ReadStateStore(NpgsqlDataSource db) : IReadStateStore
{
    public async Task<TopicLevels> RecordVisitAsync(TopicVisit visit, CancellationToken ct)
    {
        // One statement, so a topic page keeps a fixed number of round trips: the daily view, the reader's
        // progress, their notifications about the posts shown, and their levels for the page's controls.
        const string sql = """
            WITH first_today AS (
                INSERT INTO topic_views (topic_id, viewer_key, viewed_on) VALUES (@TopicId, @ViewerKey, @Day::date)
                ON CONFLICT DO NOTHING RETURNING 1),
            viewed AS (
                UPDATE topics SET views = views + 1 WHERE id = @TopicId AND EXISTS (SELECT 1 FROM first_today)),
            state AS (
                INSERT INTO topic_users (user_id, topic_id, last_read_post_number, first_visited_at, last_visited_at)
                SELECT @UserId, @TopicId, @ReadUpTo, @At, @At WHERE @UserId::bigint IS NOT NULL
                ON CONFLICT (user_id, topic_id) DO UPDATE
                   SET last_read_post_number = GREATEST(topic_users.last_read_post_number, EXCLUDED.last_read_post_number),
                       last_visited_at = EXCLUDED.last_visited_at
                RETURNING CASE WHEN level_chosen THEN notification_level END AS chosen_level),
            seen AS (
                UPDATE notifications SET read_at = @At
                 WHERE user_id = @UserId AND topic_id = @TopicId AND read_at IS NULL AND post_number <= @ReadUpTo)
            SELECT (SELECT chosen_level FROM state)::int AS topic_level,
                   (SELECT cu.notification_level FROM category_users cu JOIN topics t ON t.category_id = cu.category_id
                     WHERE cu.user_id = @UserId AND t.id = @TopicId)::int AS category_level;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleAsync<LevelsRow>(new CommandDefinition(sql, new
        {
            visit.TopicId, visit.ViewerKey, Day = visit.Day.ToDateTime(TimeOnly.MinValue), visit.UserId, visit.ReadUpTo, visit.At,
        }, cancellationToken: ct));
        return visit.UserId is null ? TopicLevels.None : new TopicLevels((NotificationLevel?)row.TopicLevel, (NotificationLevel?)row.CategoryLevel);
    }

    private sealed record LevelsRow(int? TopicLevel, int? CategoryLevel);

    public async Task<int> MarkReadAsync(Viewer viewer, long topicId, int postNumber, DateTime at, CancellationToken ct)
    {
        const string sql = $"""
            WITH topic AS (
                SELECT t.id, LEAST(@PostNumber, t.highest_post_number) AS read_up_to
                  FROM topics t JOIN categories c ON c.id = t.category_id
                 WHERE t.id = @TopicId AND t.deleted_at IS NULL AND {Visibility.CategoryReadable}),
            state AS (
                INSERT INTO topic_users (user_id, topic_id, last_read_post_number, first_visited_at, last_visited_at)
                SELECT @ViewerId, id, read_up_to, @At, @At FROM topic
                ON CONFLICT (user_id, topic_id) DO UPDATE
                   SET last_read_post_number = GREATEST(topic_users.last_read_post_number, EXCLUDED.last_read_post_number),
                       last_visited_at = EXCLUDED.last_visited_at),
            seen AS (
                UPDATE notifications n SET read_at = @At
                  FROM topic
                 WHERE n.user_id = @ViewerId AND n.topic_id = topic.id AND n.read_at IS NULL AND n.post_number <= topic.read_up_to
                RETURNING 1)
            SELECT count(*)::int FROM seen;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int>(new CommandDefinition(sql,
            new { ViewerId = viewer.UserId, viewer.IsStaff, TopicId = topicId, PostNumber = postNumber, At = at }, cancellationToken: ct));
    }

    public async Task SetTopicLevelAsync(long userId, long topicId, NotificationLevel level, DateTime at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO topic_users (user_id, topic_id, notification_level, level_chosen, first_visited_at, last_visited_at)
            VALUES (@UserId, @TopicId, @Level, true, @At, @At)
            ON CONFLICT (user_id, topic_id) DO UPDATE SET notification_level = EXCLUDED.notification_level, level_chosen = true;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new { UserId = userId, TopicId = topicId, Level = (short)level, At = at }, cancellationToken: ct));
    }

    public async Task SetCategoryLevelAsync(long userId, long categoryId, NotificationLevel level, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO category_users (user_id, category_id, notification_level) VALUES (@UserId, @CategoryId, @Level)
            ON CONFLICT (user_id, category_id) DO UPDATE SET notification_level = EXCLUDED.notification_level;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new { UserId = userId, CategoryId = categoryId, Level = (short)level }, cancellationToken: ct));
    }

    public async Task<NotificationLevel?> CategoryLevelAsync(long userId, long categoryId, CancellationToken ct)
    {
        const string sql = "SELECT notification_level::int FROM category_users WHERE user_id = @UserId AND category_id = @CategoryId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return (NotificationLevel?)await conn.ExecuteScalarAsync<int?>(new CommandDefinition(sql, new { UserId = userId, CategoryId = categoryId }, cancellationToken: ct));
    }

    public async Task StampVisitAsync(long userId, DateTime at, CancellationToken ct)
    {
        // Seen within the hour: the same visit goes on. Otherwise the last time seen becomes the previous visit
        // (the account's creation for a first visit), and lists mark what appeared since as new.
        const string sql = """
            UPDATE users
               SET previous_visit_at = CASE WHEN last_seen_at IS NULL OR last_seen_at < @At - interval '1 hour'
                                            THEN COALESCE(last_seen_at, created_at) ELSE previous_visit_at END,
                   last_seen_at = @At
             WHERE id = @UserId;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new { UserId = userId, At = at }, cancellationToken: ct));
    }
}
