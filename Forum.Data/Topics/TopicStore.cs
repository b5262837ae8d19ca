using Dapper;
using Forum.Core.Accounts;
using Forum.Core.Drafts;
using Forum.Core.Moderation;
using Forum.Core.Topics;
using Forum.Data.Database;
using Forum.Data.Drafts;
using Forum.Data.Notifications;
using Npgsql;

namespace Forum.Data.Topics;

public sealed class TopicStore(NpgsqlDataSource db) : ITopicStore
{
    public async Task<CreatedTopic> CreateAsync(NewTopic topic, CancellationToken ct)
    {
        const string sql = """
            WITH t AS (
                INSERT INTO topics (category_id, user_id, title, slug, posts_count, highest_post_number,
                                    last_post_user_id, last_posted_at, bumped_at, created_at)
                VALUES (@CategoryId, @UserId, @Title, @Slug, 1, 1, @UserId, @CreatedAt, @CreatedAt, @CreatedAt)
                RETURNING id),
            p AS (
                INSERT INTO posts (topic_id, post_number, user_id, raw, cooked, cooked_version, created_at, updated_at)
                SELECT t.id, 1, @UserId, @Raw, @Cooked, @CookedVersion, @CreatedAt, @CreatedAt FROM t
                RETURNING id),
            r AS (
                INSERT INTO post_revisions (post_id, version, raw, cooked, user_id, created_at)
                SELECT p.id, 1, @Raw, @Cooked, @UserId, @CreatedAt FROM p),
            c AS (
                UPDATE categories SET topic_count = topic_count + 1, post_count = post_count + 1, latest_post_at = @CreatedAt
                 WHERE id = @CategoryId)
            SELECT t.id, p.id AS post_id FROM t, p;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var created = await conn.QuerySingleAsync<CreatedRow>(new CommandDefinition(sql, topic, tx, cancellationToken: ct));
        var notified = await NotificationSql.WriteForPostAsync(conn, tx, created.PostId, topic.Notices, isNewPost: true, isNewTopic: true, topic.CreatedAt, ct);
        await DraftSql.DiscardAsync(conn, tx, topic.UserId, DraftKeys.NewTopic, topic.CreatedAt, ct);
        await tx.CommitAsync(ct);
        return new CreatedTopic(created.Id, topic.Slug) { NotifiedUserIds = notified };
    }

    private sealed record CreatedRow(long Id, long PostId);

    // For a member: how far they read and how they follow each topic; "new" is a topic they never opened that
    // appeared since their previous visit. Guests match no rows in topic_users or category_users.
    private const string ListColumns = $"""
        t.id, t.title, t.slug, t.category_id, c.name AS category_name, c.slug AS category_slug, c.color AS category_color,
        t.posts_count, t.views, t.like_count, t.bumped_at, t.created_at, lp.username AS last_poster_username,
        t.pinned_at IS NOT NULL AND (t.pinned_until IS NULL OR t.pinned_until > now()) AS is_pinned, t.closed_at IS NOT NULL AS is_closed,
        t.highest_post_number, tu.last_read_post_number, {NotificationSql.EffectiveLevel}::int AS notification_level,
        (tu.user_id IS NULL AND t.created_at > (SELECT COALESCE(v.previous_visit_at, v.created_at) FROM users v WHERE v.id = @ViewerId))
            IS TRUE AS is_new,
        t.deleted_at IS NOT NULL AS is_deleted, posters.usernames AS poster_usernames, posters.avatar_files AS poster_avatar_files
        """;

    // On /latest only globally pinned topics float; in a category its own pins do too. A pin past its end date, or
    // one the reader dismissed ("unpin for me"), stays in its natural place.
    private const string Floats = """
        (t.pinned_at IS NOT NULL AND (t.pinned_globally OR @CategoryId::bigint IS NOT NULL)
         AND (t.pinned_until IS NULL OR t.pinned_until > now())
         AND NOT EXISTS (SELECT 1 FROM topic_pin_dismissals d WHERE d.topic_id = t.id AND d.user_id = @ViewerId))
        """;

    private const string ListJoins = """
          JOIN categories c ON c.id = t.category_id
          LEFT JOIN users lp ON lp.id = t.last_post_user_id
          LEFT JOIN topic_users tu ON tu.topic_id = t.id AND tu.user_id = @ViewerId
          LEFT JOIN category_users cu ON cu.category_id = t.category_id AND cu.user_id = @ViewerId
        """;

    // Only the queries that show rows join it: the tab counts never read the posters.
    private const string PostersJoin = """
          -- The posters column: the starter first, then the others by their latest post, five at most; in the same
          -- statement, so a list costs no more commands for it (posts (topic_id, post_number) serves the scan).
          LEFT JOIN LATERAL (
              -- Space-separated: usernames and stored file names never contain one; '' for a letter avatar.
              SELECT string_agg(pu.username, ' ' ORDER BY ranked.is_starter DESC, ranked.last_post DESC) AS usernames,
                     string_agg(coalesce(pu.avatar_file, ''), ' ' ORDER BY ranked.is_starter DESC, ranked.last_post DESC) AS avatar_files
                FROM (SELECT pp.user_id, bool_or(pp.post_number = 1) AS is_starter, max(pp.post_number) AS last_post
                        FROM posts pp
                       WHERE pp.topic_id = t.id AND pp.deleted_at IS NULL
                       GROUP BY pp.user_id
                       ORDER BY bool_or(pp.post_number = 1) DESC, max(pp.post_number) DESC
                       LIMIT 5) ranked
                JOIN users pu ON pu.id = ranked.user_id) posters ON true
        """;

    private const string ListWhere = $"""
        {Visibility.TopicReadable} AND {Visibility.TopicListed}
           AND (@CategoryId::bigint IS NULL OR t.category_id = @CategoryId OR c.parent_id = @CategoryId)
           -- Muted topics are gone from every list; a muted category's topics only from /latest, not its own page.
           AND tu.notification_level IS DISTINCT FROM 0
           AND ({NotificationSql.EffectiveLevel} <> 0 OR @CategoryId::bigint IS NOT NULL)
        """;

    private const string ListFrom = $"""
          FROM topics t
        {ListJoins}
        {PostersJoin}
         WHERE {ListWhere}
        """;

    // Discourse's "new": created within the new-topic window and never opened. "Unread": opened, tracked or
    // watched, and with posts past the last one read (the same rule as the list's unread count).
    private const string IsNewForViewer = "(tu.user_id IS NULL AND t.created_at > @NewSince::timestamptz)";

    private const string IsUnreadForViewer = $"""
        (tu.last_read_post_number > 0 AND tu.last_read_post_number < t.highest_post_number AND {NotificationSql.EffectiveLevel} >= 2)
        """;

    public async Task<TopicList> ListAsync(TopicListQuery query, CancellationToken ct)
    {
        const string pinnedSql = $"""
            SELECT {ListColumns} {ListFrom}
               AND {Floats}
             ORDER BY t.pinned_at DESC, t.id DESC
             LIMIT 20;
            """;
        const string pageSql = $"""
            SELECT {ListColumns} {ListFrom}
               AND (@Kind <> 0 OR NOT {Floats})
               AND (@Kind <> 1 OR {IsNewForViewer})
               AND (@Kind <> 2 OR {IsUnreadForViewer})
               AND (@BeforeBumpedAt::timestamptz IS NULL OR (t.bumped_at, t.id) < (@BeforeBumpedAt, @BeforeId))
             ORDER BY t.bumped_at DESC, t.id DESC
             LIMIT @Take;
            """;
        var args = new
        {
            ViewerId = query.Viewer.UserId, query.Viewer.IsStaff, query.CategoryId,
            BeforeBumpedAt = query.Before?.BumpedAt, BeforeId = query.Before?.Id ?? 0, Take = query.Take + 1,
            Kind = (int)query.Kind, query.NewSince,
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        // Pinned topics float on Latest only; New and Unread keep them in their natural place.
        IReadOnlyList<TopicListItem> pinned = query.Before is null && query.Kind == TopicListKind.Latest
            ? (await conn.QueryAsync<TopicListItem>(new CommandDefinition(pinnedSql, args, cancellationToken: ct))).AsList()
            : [];
        var page = (await conn.QueryAsync<TopicListItem>(new CommandDefinition(pageSql, args, cancellationToken: ct))).AsList();
        // One row more than shown tells whether a "more" link is needed.
        TopicListCursor? next = null;
        if (page.Count > query.Take)
        {
            page.RemoveAt(page.Count - 1);
            next = new TopicListCursor(page[^1].BumpedAt, page[^1].Id);
        }
        return new TopicList(pinned, page, next);
    }

    public async Task<TopicListCounts> CountsAsync(Viewer viewer, DateTime newSince, CancellationToken ct)
    {
        const string sql = $"""
            SELECT count(*) FILTER (WHERE {IsNewForViewer})::int AS new,
                   count(*) FILTER (WHERE {IsUnreadForViewer})::int AS unread
              FROM topics t
            {ListJoins}
             WHERE {ListWhere}
               AND ({IsNewForViewer} OR {IsUnreadForViewer});
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<TopicListCounts>(new CommandDefinition(sql,
            new { ViewerId = viewer.UserId, viewer.IsStaff, CategoryId = (long?)null, NewSince = newSince }, cancellationToken: ct));
    }

    public async Task<TopTopicList> TopAsync(TopTopicsQuery query, CancellationToken ct)
    {
        // The score counts what happened in the period: 5 points a like, 3 a reply, 1 a daily view (topic_views
        // holds one row per viewer and day). Discourse weighs the same three in its TopTopic job; computing it per
        // request is fine at a cooperative network's size, and the visibility rules apply before anything is shown.
        const string sql = $"""
            WITH activity AS (
                SELECT a.topic_id, sum(a.points)::bigint AS score
                  FROM (SELECT p.topic_id, 3 AS points FROM posts p
                         WHERE p.post_number > 1 AND p.deleted_at IS NULL AND (@Since::timestamptz IS NULL OR p.created_at >= @Since)
                        UNION ALL
                        SELECT p.topic_id, 5 FROM post_likes l JOIN posts p ON p.id = l.post_id
                         WHERE p.deleted_at IS NULL AND (@Since::timestamptz IS NULL OR l.created_at >= @Since)
                        UNION ALL
                        SELECT v.topic_id, 1 FROM topic_views v
                         WHERE @Since::timestamptz IS NULL OR v.viewed_on >= @Since::date) a
                 GROUP BY a.topic_id)
            SELECT {ListColumns}, s.score
              FROM activity s
              JOIN topics t ON t.id = s.topic_id
            {ListJoins}
            {PostersJoin}
             WHERE {ListWhere}
               AND (@AfterScore::bigint IS NULL OR (s.score, t.id) < (@AfterScore, @AfterId))
             ORDER BY s.score DESC, t.id DESC
             LIMIT @Take;
            """;
        var args = new
        {
            ViewerId = query.Viewer.UserId, query.Viewer.IsStaff, CategoryId = (long?)null, query.Since,
            AfterScore = query.After?.Score, AfterId = query.After?.Id ?? 0, Take = query.Take + 1,
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<TopicListItem, long, (TopicListItem Topic, long Score)>(new CommandDefinition(sql, args, cancellationToken: ct),
            (topic, score) => (topic, score), splitOn: "score")).AsList();
        TopTopicsCursor? next = null;
        if (rows.Count > query.Take)
        {
            rows.RemoveAt(rows.Count - 1);
            next = new TopTopicsCursor(rows[^1].Score, rows[^1].Topic.Id);
        }
        return new TopTopicList(rows.Select(r => r.Topic).ToList(), next);
    }

    public async Task<TopicSpot?> FirstPostFromAsync(long topicId, Viewer viewer, DateTime at, CancellationToken ct)
    {
        const string sql = $"""
            SELECT t.slug,
                   COALESCE((SELECT min(p.post_number) FROM posts p WHERE p.topic_id = t.id AND p.created_at >= @At),
                            t.highest_post_number) AS post_number
              FROM topics t JOIN categories c ON c.id = t.category_id
             WHERE t.id = @TopicId AND {Visibility.TopicReadable};
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<TopicSpot>(new CommandDefinition(sql,
            new { TopicId = topicId, ViewerId = viewer.UserId, viewer.IsStaff, At = at }, cancellationToken: ct));
    }

    private const string TopicPageSql = $"""
        SELECT t.id, t.title, t.slug, t.category_id, c.name AS category_name, c.slug AS category_slug, c.color AS category_color,
               t.user_id, t.posts_count, t.highest_post_number, t.views, t.like_count, t.created_at,
               t.closed_at IS NOT NULL AS is_closed, t.pinned_at IS NOT NULL AS is_pinned, t.deleted_at IS NOT NULL AS is_deleted
          FROM topics t JOIN categories c ON c.id = t.category_id
         WHERE t.id = @TopicId AND {Visibility.TopicReadable};

        SELECT p.id, p.post_number, p.user_id, u.username, u.name AS author_name, u.organization AS author_organization,
               CASE WHEN {Visibility.PostTextReadable} THEN p.cooked ELSE '' END AS cooked,
               p.reply_to_post_number, ru.username AS reply_to_username, p.like_count,
               EXISTS (SELECT 1 FROM post_likes pl WHERE pl.post_id = p.id AND pl.user_id = @ViewerId) AS is_liked_by_viewer,
               p.version, p.created_at, p.updated_at, p.deleted_at IS NOT NULL AS is_deleted,
               p.hidden_at IS NOT NULL AS is_hidden, p.locked_at IS NOT NULL AS is_locked,
               p.deleted_at IS NOT NULL AND p.deleted_by_id = p.user_id AS is_deleted_by_author, u.avatar_file AS author_avatar_file
          FROM posts p
          JOIN users u ON u.id = p.user_id
          LEFT JOIN posts rp ON rp.topic_id = p.topic_id AND rp.post_number = p.reply_to_post_number
          LEFT JOIN users ru ON ru.id = rp.user_id
         WHERE p.topic_id = @TopicId AND p.post_number >= @FirstPostNumber AND p.post_number < @FirstPostNumber + @Take
         ORDER BY p.post_number;

        -- Small-action entries between this page's first post and the next page's first post.
        SELECT a.id, a.action, u.username AS actor_username, a.reason, a.details, a.related_topic_id,
               rt.slug AS related_topic_slug, a.created_at
          FROM topic_actions a
          JOIN users u ON u.id = a.actor_id
          LEFT JOIN topics rt ON rt.id = a.related_topic_id
         WHERE a.topic_id = @TopicId
           AND (@FirstPostNumber <= 1 OR a.created_at >= (SELECT fp.created_at FROM posts fp WHERE fp.topic_id = @TopicId AND fp.post_number >= @FirstPostNumber ORDER BY fp.post_number LIMIT 1))
           AND a.created_at < COALESCE((SELECT np.created_at FROM posts np WHERE np.topic_id = @TopicId AND np.post_number >= @FirstPostNumber + @Take ORDER BY np.post_number LIMIT 1), 'infinity')
         ORDER BY a.created_at, a.id;

        SELECT t.archived_at IS NOT NULL AS is_archived, t.unlisted_at IS NOT NULL AS is_unlisted, t.pinned_globally AS is_pinned_globally,
               t.pinned_until, EXISTS (SELECT 1 FROM topic_pin_dismissals d WHERE d.topic_id = t.id AND d.user_id = @ViewerId) AS is_pin_dismissed,
               t.slow_mode_minutes, tt.action AS timer_action, tt.execute_at AS timer_execute_at, tt.hours_after_reply AS timer_hours_after_reply
          FROM topics t LEFT JOIN topic_timers tt ON tt.topic_id = t.id
         WHERE t.id = @TopicId;

        -- The member's reading position before this visit, for "back to where you left off".
        SELECT tu.last_read_post_number FROM topic_users tu WHERE tu.topic_id = @TopicId AND tu.user_id = @ViewerId;
        """;

    public async Task<TopicPage?> GetPageAsync(long topicId, Viewer viewer, int firstPostNumber, int take, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(TopicPageSql,
            new { TopicId = topicId, ViewerId = viewer.UserId, viewer.IsStaff, FirstPostNumber = firstPostNumber, Take = take },
            cancellationToken: ct));
        var header = await grid.ReadSingleOrDefaultAsync<TopicHeader>();
        var posts = (await grid.ReadAsync<PostView>()).AsList();
        var actions = (await grid.ReadAsync<TopicActionView>()).AsList();
        var moderation = await grid.ReadSingleOrDefaultAsync<TopicModerationState>() ?? TopicModerationState.None;
        var lastRead = await grid.ReadSingleOrDefaultAsync<int?>() ?? 0;
        return header is null ? null : new TopicPage(header, posts, actions, moderation) { LastReadPostNumber = lastRead };
    }

    public async Task<TopicAccess?> FindAccessAsync(long topicId, Viewer viewer, CancellationToken ct)
    {
        const string sql = $"""
            SELECT t.id, t.slug, t.category_id, t.closed_at IS NOT NULL AS is_closed, t.highest_post_number
              FROM topics t JOIN categories c ON c.id = t.category_id
             WHERE t.id = @TopicId AND t.deleted_at IS NULL AND {Visibility.CategoryReadable};
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<TopicAccess>(new CommandDefinition(sql,
            new { TopicId = topicId, ViewerId = viewer.UserId, viewer.IsStaff }, cancellationToken: ct));
    }

    public async Task<TopicAudience?> AudienceAsync(long topicId, IReadOnlyCollection<long> watcherIds, DateTime now, CancellationToken ct)
    {
        // A deleted topic is for staff only, as its page is. Suspended members hear nothing (Visibility.UserActive).
        const string sql = $"""
            SELECT c.id AS category_id, c.parent_id AS parent_category_id, c.read_restricted OR t.deleted_at IS NOT NULL AS is_restricted,
                   CASE WHEN c.read_restricted OR t.deleted_at IS NOT NULL THEN ARRAY(
                       SELECT u.id FROM users u
                        WHERE {Visibility.UserActive} AND u.id IN (
                              SELECT gm.user_id FROM category_groups cg JOIN group_members gm ON gm.group_id = cg.group_id
                               WHERE cg.category_id = c.id AND t.deleted_at IS NULL
                              UNION
                              SELECT s.id FROM users s WHERE s.role IN ('moderator', 'admin')))
                   ELSE ARRAY[]::bigint[] END AS allowed_user_ids,
                   {Visibility.TopicDeliverable} AS is_listed,
                   ARRAY(SELECT u.id FROM users u WHERE u.id = ANY(@WatcherIds) AND NOT {Visibility.UserActive}) AS suspended_watcher_ids
              FROM topics t JOIN categories c ON c.id = t.category_id
             WHERE t.id = @TopicId;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<AudienceRow>(new CommandDefinition(sql,
            new { TopicId = topicId, WatcherIds = watcherIds.ToArray(), Now = now }, cancellationToken: ct));
        return row is null ? null
            : new TopicAudience(row.CategoryId, row.ParentCategoryId, row.IsRestricted, row.AllowedUserIds, row.IsListed, row.SuspendedWatcherIds);
    }

    // Dapper reports an array column as System.Array, which no record constructor matches; properties take it.
    private sealed class AudienceRow
    {
        public long CategoryId { get; init; }
        public long? ParentCategoryId { get; init; }
        public bool IsRestricted { get; init; }
        public long[] AllowedUserIds { get; init; } = [];
        public bool IsListed { get; init; }
        public long[] SuspendedWatcherIds { get; init; } = [];
    }
}
