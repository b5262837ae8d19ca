using Dapper;
using Forum.Core.Moderation;
using Forum.Data.Database;
using Npgsql;

namespace Forum.Data.Moderation;

public sealed class ModerationStore(NpgsqlDataSource db) : IModerationStore
{
    // Every status change is one statement: the UPDATE names the old state (so a repeated or concurrent request
    // changes nothing and writes nothing), and the thread entry and log line are written only for a changed row.
    private const string RecordStatusChange = """
        , entry AS (
            INSERT INTO topic_actions (topic_id, action, actor_id, reason, created_at)
            SELECT id, @LogAction, @StaffId, @Reason, @At FROM changed),
        logged AS (
            INSERT INTO staff_actions (staff_id, action, target_user_id, topic_id, reason, after_value, created_at)
            SELECT @StaffId, @LogAction, user_id, id, @Reason,
                   COALESCE(to_char(@PinnedUntil::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'), ''), @At
              FROM changed)
        SELECT user_id FROM changed;
        """;

    private const string ClearDismissals = ", cleared AS (DELETE FROM topic_pin_dismissals WHERE topic_id IN (SELECT id FROM changed))";

    private const string CloseSql = "WITH changed AS (UPDATE topics SET closed_at = @At WHERE id = @TopicId AND closed_at IS NULL AND deleted_at IS NULL RETURNING id, user_id)" + RecordStatusChange;
    private const string OpenSql = "WITH changed AS (UPDATE topics SET closed_at = NULL WHERE id = @TopicId AND closed_at IS NOT NULL AND deleted_at IS NULL RETURNING id, user_id)" + RecordStatusChange;
    private const string ArchiveSql = "WITH changed AS (UPDATE topics SET archived_at = @At WHERE id = @TopicId AND archived_at IS NULL AND deleted_at IS NULL RETURNING id, user_id)" + RecordStatusChange;
    private const string UnarchiveSql = "WITH changed AS (UPDATE topics SET archived_at = NULL WHERE id = @TopicId AND archived_at IS NOT NULL AND deleted_at IS NULL RETURNING id, user_id)" + RecordStatusChange;
    private const string UnlistSql = "WITH changed AS (UPDATE topics SET unlisted_at = @At WHERE id = @TopicId AND unlisted_at IS NULL AND deleted_at IS NULL RETURNING id, user_id)" + RecordStatusChange;
    private const string RelistSql = "WITH changed AS (UPDATE topics SET unlisted_at = NULL WHERE id = @TopicId AND unlisted_at IS NOT NULL AND deleted_at IS NULL RETURNING id, user_id)" + RecordStatusChange;
    // A new pin shows again to readers who dismissed the old one, as in Discourse.
    private const string PinSql = """
        WITH changed AS (
            UPDATE topics SET pinned_at = @At, pinned_globally = false, pinned_until = @PinnedUntil::timestamptz
             WHERE id = @TopicId AND deleted_at IS NULL
               AND (pinned_at IS NULL OR pinned_globally OR pinned_until IS DISTINCT FROM @PinnedUntil::timestamptz)
            RETURNING id, user_id)
        """ + ClearDismissals + RecordStatusChange;
    private const string PinGloballySql = """
        WITH changed AS (
            UPDATE topics SET pinned_at = @At, pinned_globally = true, pinned_until = @PinnedUntil::timestamptz
             WHERE id = @TopicId AND deleted_at IS NULL
               AND (pinned_at IS NULL OR NOT pinned_globally OR pinned_until IS DISTINCT FROM @PinnedUntil::timestamptz)
            RETURNING id, user_id)
        """ + ClearDismissals + RecordStatusChange;
    private const string UnpinSql = "WITH changed AS (UPDATE topics SET pinned_at = NULL, pinned_globally = false, pinned_until = NULL WHERE id = @TopicId AND pinned_at IS NOT NULL RETURNING id, user_id)" + RecordStatusChange;

    public async Task<long?> ChangeTopicStatusAsync(TopicStatusChange change, CancellationToken ct)
    {
        var sql = change.Action switch
        {
            TopicStatusAction.Close => CloseSql,
            TopicStatusAction.Open => OpenSql,
            TopicStatusAction.Archive => ArchiveSql,
            TopicStatusAction.Unarchive => UnarchiveSql,
            TopicStatusAction.Unlist => UnlistSql,
            TopicStatusAction.Relist => RelistSql,
            TopicStatusAction.Pin => PinSql,
            TopicStatusAction.PinGlobally => PinGloballySql,
            _ => UnpinSql,
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql, new
        {
            change.TopicId, change.LogAction, change.StaffId, change.Reason, change.PinnedUntil, change.At,
        }, cancellationToken: ct));
    }

    public async Task<bool> DismissPinAsync(long topicId, long userId, DateTime at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO topic_pin_dismissals (user_id, topic_id, dismissed_at)
            SELECT @UserId, id, @At FROM topics WHERE id = @TopicId AND pinned_at IS NOT NULL
            ON CONFLICT DO NOTHING;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, new { TopicId = topicId, UserId = userId, At = at }, cancellationToken: ct)) == 1;
    }

    public async Task<TopicChangeResult?> MoveTopicAsync(long topicId, long categoryId, long staffId, DateTime at, CancellationToken ct)
    {
        const string sql = """
            WITH old AS (
                SELECT t.id, t.user_id, t.category_id, t.posts_count, c.name
                  FROM topics t JOIN categories c ON c.id = t.category_id
                 WHERE t.id = @TopicId AND t.category_id <> @CategoryId AND t.deleted_at IS NULL
                   FOR UPDATE OF t),
            moved AS (UPDATE topics t SET category_id = @CategoryId FROM old WHERE t.id = old.id),
            left_category AS (
                UPDATE categories c SET topic_count = c.topic_count - 1, post_count = c.post_count - old.posts_count
                  FROM old WHERE c.id = old.category_id),
            new_category AS (
                UPDATE categories c SET topic_count = c.topic_count + 1, post_count = c.post_count + old.posts_count
                  FROM old WHERE c.id = @CategoryId
                RETURNING c.name),
            entry AS (
                INSERT INTO topic_actions (topic_id, action, actor_id, details, created_at)
                SELECT old.id, 'topic_moved', @StaffId, (SELECT name FROM new_category), @At FROM old),
            logged AS (
                INSERT INTO staff_actions (staff_id, action, target_user_id, topic_id, before_value, after_value, created_at)
                SELECT @StaffId, 'topic_moved', old.user_id, old.id, old.name, (SELECT name FROM new_category), @At FROM old)
            SELECT old.user_id AS owner_id, old.name AS before, (SELECT name FROM new_category) AS after FROM old;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<TopicChangeResult>(new CommandDefinition(sql,
            new { TopicId = topicId, CategoryId = categoryId, StaffId = staffId, At = at }, cancellationToken: ct));
    }

    public async Task<TopicChangeResult?> RenameTopicAsync(long topicId, string title, string slug, long staffId, DateTime at, CancellationToken ct)
    {
        const string sql = """
            WITH old AS (
                SELECT id, user_id, title FROM topics
                 WHERE id = @TopicId AND title <> @Title AND deleted_at IS NULL FOR UPDATE),
            renamed AS (UPDATE topics t SET title = @Title, slug = @Slug FROM old WHERE t.id = old.id),
            entry AS (
                INSERT INTO topic_actions (topic_id, action, actor_id, details, created_at)
                SELECT id, 'topic_renamed', @StaffId, old.title, @At FROM old),
            logged AS (
                INSERT INTO staff_actions (staff_id, action, target_user_id, topic_id, before_value, after_value, created_at)
                SELECT @StaffId, 'topic_renamed', user_id, id, old.title, @Title, @At FROM old)
            SELECT user_id AS owner_id, title AS before, @Title AS after FROM old;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<TopicChangeResult>(new CommandDefinition(sql,
            new { TopicId = topicId, Title = title, Slug = slug, StaffId = staffId, At = at }, cancellationToken: ct));
    }

    public async Task<TopicChangeResult?> SetSlowModeAsync(long topicId, int minutes, long staffId, DateTime at, CancellationToken ct)
    {
        const string sql = """
            WITH old AS (
                SELECT id, user_id, slow_mode_minutes FROM topics
                 WHERE id = @TopicId AND slow_mode_minutes <> @Minutes AND deleted_at IS NULL FOR UPDATE),
            changed AS (UPDATE topics t SET slow_mode_minutes = @Minutes FROM old WHERE t.id = old.id),
            logged AS (
                INSERT INTO staff_actions (staff_id, action, target_user_id, topic_id, before_value, after_value, created_at)
                SELECT @StaffId, 'slow_mode_set', user_id, id, slow_mode_minutes::text, @Minutes::text, @At FROM old)
            SELECT user_id AS owner_id, slow_mode_minutes::text AS before, @Minutes::text AS after FROM old;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<TopicChangeResult>(new CommandDefinition(sql,
            new { TopicId = topicId, Minutes = minutes, StaffId = staffId, At = at }, cancellationToken: ct));
    }

    /// <summary>The category's counts leave with the topic and come back with it, as /categories shows them.</summary>
    public async Task<TopicChangeResult?> SetTopicDeletedAsync(long topicId, bool deleted, long staffId, DateTime at, CancellationToken ct)
    {
        const string deleteSql = """
            WITH changed AS (
                UPDATE topics SET deleted_at = @At, deleted_by_id = @StaffId
                 WHERE id = @TopicId AND deleted_at IS NULL RETURNING id, user_id, category_id, posts_count),
            counts AS (
                UPDATE categories c SET topic_count = greatest(c.topic_count - 1, 0), post_count = greatest(c.post_count - ch.posts_count, 0)
                  FROM changed ch WHERE c.id = ch.category_id),
            entry AS (INSERT INTO topic_actions (topic_id, action, actor_id, created_at) SELECT id, 'topic_deleted', @StaffId, @At FROM changed),
            logged AS (INSERT INTO staff_actions (staff_id, action, target_user_id, topic_id, created_at) SELECT @StaffId, 'topic_deleted', user_id, id, @At FROM changed)
            SELECT user_id AS owner_id, '' AS before, '' AS after FROM changed;
            """;
        const string restoreSql = """
            WITH changed AS (
                UPDATE topics SET deleted_at = NULL, deleted_by_id = NULL
                 WHERE id = @TopicId AND deleted_at IS NOT NULL RETURNING id, user_id, category_id, posts_count),
            counts AS (
                UPDATE categories c SET topic_count = c.topic_count + 1, post_count = c.post_count + ch.posts_count
                  FROM changed ch WHERE c.id = ch.category_id),
            entry AS (INSERT INTO topic_actions (topic_id, action, actor_id, created_at) SELECT id, 'topic_restored', @StaffId, @At FROM changed),
            logged AS (INSERT INTO staff_actions (staff_id, action, target_user_id, topic_id, created_at) SELECT @StaffId, 'topic_restored', user_id, id, @At FROM changed)
            SELECT user_id AS owner_id, '' AS before, '' AS after FROM changed;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<TopicChangeResult>(new CommandDefinition(deleted ? deleteSql : restoreSql,
            new { TopicId = topicId, StaffId = staffId, At = at }, cancellationToken: ct));
    }

    public async Task<long> SetTimerAsync(NewTopicTimer timer, CancellationToken ct)
    {
        const string sql = """
            WITH timer AS (
                INSERT INTO topic_timers (topic_id, action, execute_at, hours_after_reply, created_by_id, created_at)
                VALUES (@TopicId, @Action, @ExecuteAt, @HoursAfterReply::int, @StaffId, @At)
                ON CONFLICT (topic_id) DO UPDATE
                   SET action = EXCLUDED.action, execute_at = EXCLUDED.execute_at, hours_after_reply = EXCLUDED.hours_after_reply,
                       created_by_id = EXCLUDED.created_by_id, created_at = EXCLUDED.created_at
                RETURNING id),
            logged AS (
                INSERT INTO staff_actions (staff_id, action, target_user_id, topic_id, details, after_value, created_at)
                SELECT @StaffId, 'topic_timer_set', t.user_id, t.id,
                       @Action || COALESCE(' ' || @HoursAfterReply::int || 'h after the last reply', ''),
                       to_char(@ExecuteAt AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'), @At
                  FROM topics t WHERE t.id = @TopicId)
            SELECT id FROM timer;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition(sql, timer, cancellationToken: ct));
    }

    public async Task<bool> CancelTimerAsync(long topicId, long staffId, DateTime at, CancellationToken ct)
    {
        const string sql = """
            WITH gone AS (DELETE FROM topic_timers WHERE topic_id = @TopicId RETURNING topic_id, action, execute_at)
            INSERT INTO staff_actions (staff_id, action, target_user_id, topic_id, before_value, created_at)
            SELECT @StaffId, 'topic_timer_cancelled', t.user_id, t.id,
                   gone.action || ' ' || to_char(gone.execute_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'), @At
              FROM gone JOIN topics t ON t.id = gone.topic_id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql, new { TopicId = topicId, StaffId = staffId, At = at }, cancellationToken: ct)) == 1;
    }

    private const string TimerColumns = "id, topic_id, action, execute_at, hours_after_reply, created_by_id";

    public async Task<TopicTimer?> FindTimerAsync(long timerId, CancellationToken ct)
    {
        const string sql = $"SELECT {TimerColumns} FROM topic_timers WHERE id = @TimerId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<TopicTimer>(new CommandDefinition(sql, new { TimerId = timerId }, cancellationToken: ct));
    }

    public async Task DeleteTimerAsync(long timerId, DateTime executeAt, CancellationToken ct)
    {
        const string sql = "DELETE FROM topic_timers WHERE id = @TimerId AND execute_at = @ExecuteAt;";
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new { TimerId = timerId, ExecuteAt = executeAt }, cancellationToken: ct));
    }

    public async Task<TopicTimer?> RearmAfterReplyAsync(long topicId, DateTime at, CancellationToken ct)
    {
        const string sql = $"""
            UPDATE topic_timers SET execute_at = @At + make_interval(hours => hours_after_reply)
             WHERE topic_id = @TopicId AND hours_after_reply IS NOT NULL
            RETURNING {TimerColumns};
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<TopicTimer>(new CommandDefinition(sql, new { TopicId = topicId, At = at }, cancellationToken: ct));
    }

    public async Task<ReplyGate> ReplyGateAsync(long topicId, long userId, CancellationToken ct)
    {
        const string sql = """
            SELECT u.silenced_until, u.silence_reason, t.archived_at IS NOT NULL AS is_archived, t.slow_mode_minutes,
                   (SELECT max(p.created_at) FROM posts p WHERE p.topic_id = t.id AND p.user_id = u.id) AS last_post_at
              FROM users u CROSS JOIN topics t
             WHERE u.id = @UserId AND t.id = @TopicId;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ReplyGate>(new CommandDefinition(sql, new { TopicId = topicId, UserId = userId }, cancellationToken: ct))
               ?? new ReplyGate(null, "", false, 0, null);
    }

    public async Task<long?> SetPostLockedAsync(long postId, bool locked, long staffId, DateTime at, CancellationToken ct)
    {
        const string lockSql = """
            WITH changed AS (UPDATE posts SET locked_at = @At WHERE id = @PostId AND locked_at IS NULL RETURNING id, topic_id, post_number, user_id),
            logged AS (
                INSERT INTO staff_actions (staff_id, action, target_user_id, topic_id, post_id, details, created_at)
                SELECT @StaffId, 'post_locked', user_id, topic_id, id, '#' || post_number, @At FROM changed)
            SELECT user_id FROM changed;
            """;
        const string unlockSql = """
            WITH changed AS (UPDATE posts SET locked_at = NULL WHERE id = @PostId AND locked_at IS NOT NULL RETURNING id, topic_id, post_number, user_id),
            logged AS (
                INSERT INTO staff_actions (staff_id, action, target_user_id, topic_id, post_id, details, created_at)
                SELECT @StaffId, 'post_unlocked', user_id, topic_id, id, '#' || post_number, @At FROM changed)
            SELECT user_id FROM changed;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(locked ? lockSql : unlockSql,
            new { PostId = postId, StaffId = staffId, At = at }, cancellationToken: ct));
    }

    public async Task<UserPenalty?> PenaltyAsync(long userId, CancellationToken ct)
    {
        const string sql = "SELECT silenced_until, silence_reason, suspended_until, suspend_reason FROM users WHERE id = @UserId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<UserPenalty>(new CommandDefinition(sql, new { UserId = userId }, cancellationToken: ct));
    }

    public async Task<bool> SetPenaltyAsync(long userId, PenaltyKind kind, DateTime? until, string reason, long staffId, DateTime at, CancellationToken ct)
    {
        const string Log = """
            INSERT INTO staff_actions (staff_id, action, target_user_id, reason, after_value, created_at)
            SELECT @StaffId, @Action, id, @Reason,
                   COALESCE(to_char(@Until::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'), ''), @At
              FROM changed;
            """;
        const string silenceSql = "WITH changed AS (UPDATE users SET silenced_until = @Until::timestamptz, silence_reason = @Reason WHERE id = @UserId RETURNING id) " + Log;
        const string suspendSql = "WITH changed AS (UPDATE users SET suspended_until = @Until::timestamptz, suspend_reason = @Reason WHERE id = @UserId RETURNING id) " + Log;
        var action = (kind, until) switch
        {
            (PenaltyKind.Silence, null) => StaffActions.UserUnsilenced,
            (PenaltyKind.Silence, _) => StaffActions.UserSilenced,
            (_, null) => StaffActions.UserUnsuspended,
            _ => StaffActions.UserSuspended,
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(kind == PenaltyKind.Silence ? silenceSql : suspendSql,
            new { UserId = userId, Until = until, Reason = reason, Action = action, StaffId = staffId, At = at }, cancellationToken: ct)) == 1;
    }

    public async Task<MovedPosts?> MovePostsAsync(long sourceTopicId, IReadOnlyList<int> postNumbers, long? targetTopicId,
        string? newTopicTitle, string? newTopicSlug, long? newTopicCategoryId, long staffId, DateTime at, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var numbers = postNumbers.ToArray();

        // Locking the source topic row queues this move behind replies in flight, as InsertReplyAsync locks it too.
        const string sourceSql = "SELECT category_id FROM topics WHERE id = @SourceId AND deleted_at IS NULL FOR UPDATE;";
        var sourceCategory = await conn.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sourceSql, new { SourceId = sourceTopicId }, tx, cancellationToken: ct));
        const string movingSql = """
            SELECT user_id FROM posts WHERE topic_id = @SourceId AND post_number = ANY(@Numbers) AND post_number > 1
             ORDER BY post_number FOR UPDATE;
            """;
        var authors = (await conn.QueryAsync<long>(new CommandDefinition(movingSql, new { SourceId = sourceTopicId, Numbers = numbers }, tx, cancellationToken: ct))).AsList();
        if (sourceCategory is null || authors.Count != numbers.Length) return null;

        TargetRow? target;
        if (newTopicTitle is not null)
        {
            // The new topic belongs to the author of its first post, as a topic split in Discourse does.
            const string createSql = """
                WITH created AS (
                    INSERT INTO topics (category_id, user_id, title, slug, bumped_at, created_at)
                    VALUES (@CategoryId, @UserId, @Title, @Slug, @At, @At)
                    RETURNING id, slug, category_id, highest_post_number),
                counted AS (UPDATE categories SET topic_count = topic_count + 1 WHERE id = @CategoryId)
                SELECT id, slug, category_id, highest_post_number FROM created;
                """;
            target = await conn.QuerySingleAsync<TargetRow>(new CommandDefinition(createSql, new
            {
                CategoryId = newTopicCategoryId, UserId = authors[0], Title = newTopicTitle, Slug = newTopicSlug, At = at,
            }, tx, cancellationToken: ct));
        }
        else
        {
            const string targetSql = """
                SELECT id, slug, category_id, highest_post_number FROM topics
                 WHERE id = @TargetId AND id <> @SourceId AND deleted_at IS NULL FOR UPDATE;
                """;
            target = await conn.QuerySingleOrDefaultAsync<TargetRow>(new CommandDefinition(targetSql,
                new { TargetId = targetTopicId, SourceId = sourceTopicId }, tx, cancellationToken: ct));
            if (target is null) return null;
        }

        // Moved posts take the next numbers at the end of the target, in their old order; replies between moved
        // posts keep pointing at each other, a reply to a post left behind loses its link. The source keeps its
        // remaining numbers (links to them stay right; a page may show fewer posts), and posts that answered a
        // moved post lose their now-dangling link.
        const string moveSql = """
            WITH moving AS (
                SELECT id, post_number AS old_number, @Base + row_number() OVER (ORDER BY post_number) AS new_number
                  FROM posts WHERE topic_id = @SourceId AND post_number = ANY(@Numbers)),
            moved AS (
                UPDATE posts p SET topic_id = @TargetId, post_number = m.new_number,
                       reply_to_post_number = (SELECT m2.new_number FROM moving m2 WHERE m2.old_number = p.reply_to_post_number)
                  FROM moving m WHERE p.id = m.id
                RETURNING p.id)
            UPDATE posts SET reply_to_post_number = NULL
             WHERE topic_id = @SourceId AND reply_to_post_number = ANY(@Numbers) AND NOT post_number = ANY(@Numbers);

            UPDATE topics t
               SET posts_count = counts.posts, like_count = counts.likes,
                   highest_post_number = GREATEST(t.highest_post_number, counts.highest),
                   last_posted_at = counts.last_at, bumped_at = GREATEST(t.bumped_at, COALESCE(counts.last_at, t.bumped_at)),
                   last_post_user_id = counts.last_user
              FROM (SELECT tt.id,
                           (SELECT count(*)::int FROM posts p WHERE p.topic_id = tt.id) AS posts,
                           (SELECT COALESCE(sum(p.like_count), 0)::int FROM posts p WHERE p.topic_id = tt.id) AS likes,
                           (SELECT COALESCE(max(p.post_number), 0) FROM posts p WHERE p.topic_id = tt.id) AS highest,
                           (SELECT max(p.created_at) FROM posts p WHERE p.topic_id = tt.id AND p.deleted_at IS NULL) AS last_at,
                           (SELECT p.user_id FROM posts p WHERE p.topic_id = tt.id AND p.deleted_at IS NULL ORDER BY p.created_at DESC, p.id DESC LIMIT 1) AS last_user
                      FROM topics tt WHERE tt.id IN (@SourceId, @TargetId)) counts
             WHERE t.id = counts.id;

            UPDATE categories SET post_count = post_count - @Count WHERE id = @SourceCategoryId AND @SourceCategoryId <> @TargetCategoryId;
            UPDATE categories SET post_count = post_count + @Count WHERE id = @TargetCategoryId AND @SourceCategoryId <> @TargetCategoryId;

            INSERT INTO topic_actions (topic_id, action, actor_id, details, related_topic_id, created_at)
            VALUES (@SourceId, @Action, @StaffId, @Count::text, @TargetId, @At),
                   (@TargetId, 'posts_moved_in', @StaffId, @Count::text, @SourceId, @At);

            INSERT INTO staff_actions (staff_id, action, topic_id, details, after_value, created_at)
            VALUES (@StaffId, @Action, @SourceId, array_to_string(@Numbers, ', '), @TargetId::text, @At);
            """;
        await conn.ExecuteAsync(new CommandDefinition(moveSql, new
        {
            SourceId = sourceTopicId, TargetId = target.Id, Numbers = numbers, Base = target.HighestPostNumber, Count = numbers.Length,
            SourceCategoryId = sourceCategory.Value, TargetCategoryId = target.CategoryId, StaffId = staffId, At = at,
            Action = newTopicTitle is null ? StaffActions.PostsMerged : StaffActions.PostsSplit,
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new MovedPosts(target.Id, target.Slug, numbers.Length);
    }

    private sealed record TargetRow(long Id, string Slug, long CategoryId, int HighestPostNumber);

    public async Task<FlagResult> FlagAsync(NewFlag flag, int flagsToHide, CancellationToken ct)
    {
        // The count is read before this flag's insert is visible, hence the + 1 when it was added.
        const string sql = """
            WITH added AS (
                INSERT INTO post_flags (post_id, user_id, reason, message, created_at)
                VALUES (@PostId, @UserId, @Reason, @Message, @At)
                ON CONFLICT (post_id, user_id) WHERE status = 'pending' DO NOTHING
                RETURNING post_id),
            hidden AS (
                UPDATE posts SET hidden_at = @At
                 WHERE id = @PostId AND hidden_at IS NULL AND EXISTS (SELECT 1 FROM added)
                   AND (SELECT count(DISTINCT f.user_id) FROM post_flags f WHERE f.post_id = @PostId AND f.status = 'pending') + 1 >= @FlagsToHide
                RETURNING id)
            SELECT EXISTS (SELECT 1 FROM added) AS added, EXISTS (SELECT 1 FROM hidden) AS hidden_now;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<FlagResult>(new CommandDefinition(sql, new
        {
            flag.PostId, flag.UserId, Reason = ReasonName(flag.Reason), flag.Message, flag.At, FlagsToHide = flagsToHide,
        }, cancellationToken: ct));
    }

    internal static string ReasonName(FlagReason reason) => reason switch
    {
        FlagReason.OffTopic => "off_topic",
        FlagReason.Inappropriate => "inappropriate",
        FlagReason.Spam => "spam",
        _ => "other",
    };

    public async Task<int> PendingReviewCountAsync(CancellationToken ct)
    {
        const string sql = "SELECT count(DISTINCT f.post_id)::int FROM post_flags f WHERE f.status = 'pending';";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int>(new CommandDefinition(sql, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ReviewItem>> ReviewQueueAsync(int take, CancellationToken ct)
    {
        const string sql = """
            SELECT p.id AS post_id, p.topic_id, t.slug AS topic_slug, t.title AS topic_title, p.post_number,
                   u.username AS author_username, p.cooked, p.hidden_at IS NOT NULL AS is_hidden, count(*)::int AS flag_count,
                   string_agg(DISTINCT f.reason, ',') AS reasons,
                   COALESCE(string_agg(f.message, ' / ' ORDER BY f.id) FILTER (WHERE f.message <> ''), '') AS messages,
                   min(f.created_at) AS first_flagged_at
              FROM post_flags f
              JOIN posts p ON p.id = f.post_id
              JOIN topics t ON t.id = p.topic_id
              JOIN users u ON u.id = p.user_id
             WHERE f.status = 'pending'
             GROUP BY p.id, t.id, u.id
             ORDER BY first_flagged_at, p.id
             LIMIT @Take;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ReviewItem>(new CommandDefinition(sql, new { Take = take }, cancellationToken: ct))).AsList();
    }

    public async Task<ReviewedPost?> ResolveFlagsAsync(long postId, FlagDecision decision, long staffId, DateTime at, CancellationToken ct)
    {
        const string sql = """
            WITH settled AS (
                UPDATE post_flags SET status = @Status, reviewed_by_id = @StaffId, reviewed_at = @At
                 WHERE post_id = @PostId AND status = 'pending'
                RETURNING id),
            post AS (
                UPDATE posts SET hidden_at = CASE @Status WHEN 'agreed' THEN COALESCE(hidden_at, @At)
                                                          WHEN 'disagreed' THEN NULL
                                                          ELSE hidden_at END
                 WHERE id = @PostId AND EXISTS (SELECT 1 FROM settled)
                RETURNING id, topic_id, post_number, user_id)
            SELECT id AS post_id, topic_id, post_number, user_id AS author_id, (SELECT count(*)::int FROM settled) AS flag_count FROM post;
            """;
        var status = decision switch { FlagDecision.Agree => "agreed", FlagDecision.Disagree => "disagreed", _ => "ignored" };
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ReviewedPost>(new CommandDefinition(sql,
            new { PostId = postId, Status = status, StaffId = staffId, At = at }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<long>> SuspendedAmongAsync(IReadOnlyCollection<long> userIds, DateTime now, CancellationToken ct)
    {
        const string sql = $"SELECT u.id FROM users u WHERE u.id = ANY(@UserIds) AND NOT {Visibility.UserActive};";
        if (userIds.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<long>(new CommandDefinition(sql, new { UserIds = userIds.ToArray(), Now = now }, cancellationToken: ct))).AsList();
    }
}
