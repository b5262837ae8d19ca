using Dapper;
using Forum.Core.Accounts;
using Forum.Core.Drafts;
using Forum.Core.Posts;
using Forum.Data.Database;
using Forum.Data.Drafts;
using Forum.Data.Notifications;
using Npgsql;

namespace Forum.Data.Posts;

public sealed class PostStore(NpgsqlDataSource db) : IPostStore
{
    public async Task<SavedReply?> InsertReplyAsync(NewReply reply, CancellationToken ct)
    {
        // The UPDATE locks the topic row until commit, so concurrent replies queue up and numbers never
        // repeat or skip; the unique index on posts (topic_id, post_number) is the backstop. No row back
        // means the topic is closed or gone.
        const string sql = """
            WITH next AS (
                UPDATE topics SET highest_post_number = highest_post_number + 1, posts_count = posts_count + 1,
                       last_post_user_id = @UserId, last_posted_at = @CreatedAt, bumped_at = @CreatedAt
                 WHERE id = @TopicId AND (closed_at IS NULL OR @MayReplyToClosed) AND archived_at IS NULL AND deleted_at IS NULL
             RETURNING highest_post_number, category_id),
            saved AS (
                INSERT INTO posts (topic_id, post_number, user_id, reply_to_post_number, raw, cooked, cooked_version, created_at, updated_at)
                SELECT @TopicId, highest_post_number, @UserId,
                       (SELECT rp.post_number FROM posts rp WHERE rp.topic_id = @TopicId AND rp.post_number = @ReplyToPostNumber),
                       @Raw, @Cooked, @CookedVersion, @CreatedAt, @CreatedAt
                  FROM next
                RETURNING id, post_number),
            revision AS (
                INSERT INTO post_revisions (post_id, version, raw, cooked, user_id, created_at)
                SELECT id, 1, @Raw, @Cooked, @UserId, @CreatedAt FROM saved),
            category AS (
                UPDATE categories SET post_count = post_count + 1, latest_post_at = @CreatedAt
                 WHERE id = (SELECT category_id FROM next))
            SELECT id AS post_id, post_number FROM saved;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var saved = await conn.QuerySingleOrDefaultAsync<SavedReply>(new CommandDefinition(sql, reply, tx, cancellationToken: ct));
        if (saved is null) return null;
        var notified = await NotificationSql.WriteForPostAsync(conn, tx, saved.PostId, reply.Notices, isNewPost: true, isNewTopic: false, reply.CreatedAt, ct);
        await DraftSql.DiscardAsync(conn, tx, reply.UserId, DraftKeys.ForTopic(reply.TopicId), reply.CreatedAt, ct);
        await tx.CommitAsync(ct);
        return saved with { NotifiedUserIds = notified };
    }

    private const string PostForEditSql = $"""
        SELECT p.id, p.topic_id, t.slug AS topic_slug, t.title AS topic_title, p.post_number, p.user_id, u.username,
               p.raw, p.version, p.deleted_at IS NOT NULL AS is_deleted,
               p.hidden_at IS NOT NULL AS is_hidden, p.locked_at IS NOT NULL AS is_locked, t.deleted_at IS NOT NULL AS is_topic_deleted,
               t.closed_at IS NOT NULL AS is_topic_closed, t.archived_at IS NOT NULL AS is_topic_archived,
               p.deleted_at IS NOT NULL AND p.deleted_by_id = p.user_id AS is_deleted_by_author
          FROM posts p
          JOIN topics t ON t.id = p.topic_id
          JOIN categories c ON c.id = t.category_id
          JOIN users u ON u.id = p.user_id
         WHERE {Visibility.TopicReadable}
        """;

    public async Task<PostForEdit?> FindForEditAsync(long postId, Viewer viewer, CancellationToken ct)
    {
        const string sql = PostForEditSql + " AND p.id = @PostId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<PostForEdit>(new CommandDefinition(sql,
            new { PostId = postId, ViewerId = viewer.UserId, viewer.IsStaff }, cancellationToken: ct));
    }

    public async Task<PostForEdit?> FindByNumberAsync(long topicId, int postNumber, Viewer viewer, CancellationToken ct)
    {
        const string sql = PostForEditSql + " AND p.topic_id = @TopicId AND p.post_number = @PostNumber;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<PostForEdit>(new CommandDefinition(sql,
            new { TopicId = topicId, PostNumber = postNumber, ViewerId = viewer.UserId, viewer.IsStaff }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<long>?> UpdateAsync(PostEdit edit, CancellationToken ct)
    {
        // The version in the WHERE makes a concurrent edit lose visibly instead of silently overwriting.
        const string sql = """
            WITH changed AS (
                UPDATE posts SET raw = @Raw, cooked = @Cooked, cooked_version = @CookedVersion,
                       version = version + 1, updated_at = @EditedAt
                 WHERE id = @PostId AND version = @ExpectedVersion AND deleted_at IS NULL
             RETURNING id, version)
            INSERT INTO post_revisions (post_id, version, raw, cooked, user_id, created_at)
            SELECT id, version, @Raw, @Cooked, @EditorId, @EditedAt FROM changed;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await conn.ExecuteAsync(new CommandDefinition(sql, edit, tx, cancellationToken: ct)) != 1) return null;
        var notified = await NotificationSql.WriteForPostAsync(conn, tx, edit.PostId, edit.Notices, isNewPost: false, isNewTopic: false, edit.EditedAt, ct);
        await DraftSql.DiscardAsync(conn, tx, edit.EditorId, DraftKeys.ForPost(edit.PostId), edit.EditedAt, ct);
        await tx.CommitAsync(ct);
        return notified;
    }

    public async Task<bool> SoftDeleteAsync(long postId, long byUserId, DateTime at, CancellationToken ct)
    {
        const string sql = """
            UPDATE posts SET deleted_at = @At, deleted_by_id = @ByUserId
             WHERE id = @PostId AND deleted_at IS NULL;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, new { PostId = postId, ByUserId = byUserId, At = at }, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<PostRevision>> RevisionsAsync(long postId, CancellationToken ct)
    {
        const string sql = """
            SELECT r.version, r.raw, r.cooked, u.username AS editor_username, r.created_at
              FROM post_revisions r JOIN users u ON u.id = r.user_id
             WHERE r.post_id = @PostId
             ORDER BY r.version DESC;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<PostRevision>(new CommandDefinition(sql, new { PostId = postId }, cancellationToken: ct))).AsList();
    }

    public async Task<(int LikeCount, bool Changed)> SetLikeAsync(long postId, long userId, bool liked, DateTime at, CancellationToken ct)
    {
        // The counters move only when a like row really appeared or disappeared, so double clicks count once.
        // A new like also lands in the author's notifications, collapsed into one row per post ("alice and 3
        // others"), unless the author muted the topic.
        const string likeSql = $"""
            WITH added AS (
                INSERT INTO post_likes (post_id, user_id, created_at) VALUES (@PostId, @UserId, @At)
                ON CONFLICT DO NOTHING RETURNING post_id),
            notice AS (
                INSERT INTO notifications AS n (user_id, kind, topic_id, post_id, post_number, actor_user_id, created_at)
                SELECT p.user_id, 7, p.topic_id, p.id, p.post_number, @UserId, @At
                  FROM posts p
                  JOIN topics t ON t.id = p.topic_id
                  LEFT JOIN topic_users tu ON tu.user_id = p.user_id AND tu.topic_id = p.topic_id
                  LEFT JOIN category_users cu ON cu.user_id = p.user_id AND cu.category_id = t.category_id
                 WHERE p.id = @PostId AND p.user_id <> @UserId AND EXISTS (SELECT 1 FROM added)
                   AND {NotificationSql.EffectiveLevel} > 0
                ON CONFLICT (user_id, post_id) WHERE kind = 7
                DO UPDATE SET actor_user_id = EXCLUDED.actor_user_id, actor_count = n.actor_count + 1,
                              created_at = EXCLUDED.created_at, read_at = NULL),
            topic AS (
                UPDATE topics SET like_count = like_count + 1
                 WHERE id = (SELECT topic_id FROM posts WHERE id = @PostId) AND EXISTS (SELECT 1 FROM added))
            UPDATE posts SET like_count = like_count + (SELECT count(*) FROM added)::int
             WHERE id = @PostId
            RETURNING like_count, EXISTS (SELECT 1 FROM added) AS changed;
            """;
        const string unlikeSql = """
            WITH removed AS (
                DELETE FROM post_likes WHERE post_id = @PostId AND user_id = @UserId RETURNING post_id),
            topic AS (
                UPDATE topics SET like_count = like_count - 1
                 WHERE id = (SELECT topic_id FROM posts WHERE id = @PostId) AND EXISTS (SELECT 1 FROM removed))
            UPDATE posts SET like_count = like_count - (SELECT count(*) FROM removed)::int
             WHERE id = @PostId
            RETURNING like_count, EXISTS (SELECT 1 FROM removed) AS changed;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<(int, bool)>(new CommandDefinition(liked ? likeSql : unlikeSql,
            new { PostId = postId, UserId = userId, At = at }, cancellationToken: ct));
    }

    public async Task<bool> RestoreAsync(long postId, CancellationToken ct)
    {
        const string sql = "UPDATE posts SET deleted_at = NULL, deleted_by_id = NULL WHERE id = @PostId AND deleted_at IS NOT NULL;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, new { PostId = postId }, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<StalePost>> StaleCookedAsync(int currentVersion, int take, CancellationToken ct)
    {
        const string sql = """
            SELECT id, raw FROM posts
             WHERE cooked_version < @CurrentVersion
             ORDER BY id DESC
             LIMIT @Take;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<StalePost>(new CommandDefinition(sql, new { CurrentVersion = currentVersion, Take = take }, cancellationToken: ct))).AsList();
    }

    public async Task<bool> RecookAsync(long postId, string expectedRaw, string cooked, int cookedVersion, CancellationToken ct)
    {
        const string sql = """
            UPDATE posts SET cooked = @Cooked, cooked_version = @CookedVersion
             WHERE id = @PostId AND raw = @ExpectedRaw AND cooked_version < @CookedVersion;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql,
            new { PostId = postId, ExpectedRaw = expectedRaw, Cooked = cooked, CookedVersion = cookedVersion }, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<UserPostSummary>> RecentByUserAsync(long userId, Viewer viewer, int take, CancellationToken ct)
    {
        const string sql = $"""
            SELECT p.topic_id, t.slug AS topic_slug, t.title AS topic_title, p.post_number, p.cooked, p.created_at
              FROM posts p
              JOIN topics t ON t.id = p.topic_id
              JOIN categories c ON c.id = t.category_id
             WHERE p.user_id = @UserId AND p.deleted_at IS NULL AND t.deleted_at IS NULL
               AND {Visibility.TopicReadable} AND {Visibility.TopicListed} AND {Visibility.PostTextReadable}
             ORDER BY p.created_at DESC, p.id DESC
             LIMIT @Take;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<UserPostSummary>(new CommandDefinition(sql,
            new { UserId = userId, ViewerId = viewer.UserId, viewer.IsStaff, Take = take }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<UserTopicActivity>> RecentTopicsByUserAsync(long userId, Viewer viewer, int take, CancellationToken ct)
    {
        // The same rules as the profile's posts: a private category's activity, even its timing, never shows.
        const string sql = $"""
            SELECT t.id AS topic_id, t.slug AS topic_slug, t.title AS topic_title, max(p.created_at) AS last_posted_at
              FROM posts p
              JOIN topics t ON t.id = p.topic_id
              JOIN categories c ON c.id = t.category_id
             WHERE p.user_id = @UserId AND p.deleted_at IS NULL AND t.deleted_at IS NULL
               AND {Visibility.TopicReadable} AND {Visibility.TopicListed} AND {Visibility.PostTextReadable}
             GROUP BY t.id
             ORDER BY max(p.created_at) DESC, t.id DESC
             LIMIT @Take;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<UserTopicActivity>(new CommandDefinition(sql,
            new { UserId = userId, ViewerId = viewer.UserId, viewer.IsStaff, Take = take }, cancellationToken: ct))).AsList();
    }
}
