using Dapper;
using Forum.Core.Digests;
using Forum.Data.Database;
using Npgsql;

namespace Forum.Data.Digests;

public sealed class DigestStore(NpgsqlDataSource db) : IDigestStore
{
    /// <summary>A window's length for member <c>u</c>; the one place frequencies become time.</summary>
    private const string FrequencyInterval = """
        CASE u.digest_frequency WHEN 'daily' THEN interval '1 day' WHEN 'biweekly' THEN interval '14 days'
                                WHEN 'monthly' THEN interval '1 month' ELSE interval '7 days' END
        """;

    /// <summary>A claim older than this with no recorded failure belongs to an attempt that died (process killed).</summary>
    private static readonly TimeSpan AbandonedClaimAge = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A claim <c>d</c> whose attempt failed (SMTP down) or died: still due, for the same window, so a later run
    /// of the job or the CLI sends it; TryClaimAsync takes it over on the same terms.
    /// </summary>
    private const string RetryableClaim = "d.state = 'claimed' AND (d.last_error IS NOT NULL OR d.claimed_at < @AbandonedBefore)";

    public async Task<IReadOnlyList<DueDigest>> DueAsync(DateTime now, bool ignoreHour, long? onlyUserId, int take, CancellationToken ct)
    {
        // A zone PostgreSQL does not know (Windows ids pass .NET's check) counts as UTC instead of failing the batch.
        const string sql = $"""
            WITH zones AS MATERIALIZED (SELECT name FROM pg_timezone_names),
            members AS (
                SELECT u.id, u.digest_hour, u.digest_frequency,
                       (@Now AT TIME ZONE coalesce(z.name, 'UTC')) AS local_now, {FrequencyInterval} AS window_length
                  FROM users u
                  LEFT JOIN zones z ON z.name = u.time_zone
                 WHERE u.digest_frequency <> 'never' AND u.email_confirmed_at IS NOT NULL AND {Visibility.UserActive} AND {Mailable.Member}
                   AND (@OnlyUserId::bigint IS NULL OR u.id = @OnlyUserId)
                   AND (u.last_seen_at IS NULL OR u.last_seen_at < @Now - {FrequencyInterval}))
            SELECT m.id AS user_id, coalesce(retry.period, m.local_now::date) AS period
              FROM members m
              LEFT JOIN LATERAL (
                   SELECT d.period FROM digest_deliveries d
                    WHERE d.user_id = m.id AND d.period > (m.local_now::date - m.window_length)::date AND {RetryableClaim}
                    ORDER BY d.period DESC LIMIT 1) retry ON true
             WHERE (@IgnoreHour OR retry.period IS NOT NULL OR extract(hour FROM m.local_now) >= m.digest_hour)
               AND NOT EXISTS (SELECT 1 FROM digest_deliveries d
                                WHERE d.user_id = m.id AND d.period > (m.local_now::date - m.window_length)::date
                                  AND NOT ({RetryableClaim}))
             ORDER BY m.id
             LIMIT @Take;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        // Npgsql reads a date column as DateOnly, so the row maps straight onto DueDigest.
        return (await conn.QueryAsync<DueDigest>(new CommandDefinition(sql,
            new { Now = now, IgnoreHour = ignoreHour, OnlyUserId = onlyUserId, Take = take, AbandonedBefore = now - AbandonedClaimAge },
            cancellationToken: ct))).AsList();
    }

    public async Task<int?> TryClaimAsync(long userId, DateOnly period, DateTime now, CancellationToken ct)
    {
        // Locking the member serialises claims for them across servers, so two windows that overlap (a scheduler
        // either side of local midnight) cannot both pass the NOT EXISTS below.
        const string lockMember = "SELECT id FROM users WHERE id = @UserId FOR NO KEY UPDATE;";
        // The unique (user_id, period) key makes the window exactly-once: a retry of a failed or abandoned attempt
        // takes the claim over (attempts + 1); a sent or skipped window, or an attempt under way, returns no row.
        const string claim = $"""
            INSERT INTO digest_deliveries AS d (user_id, period, claimed_at)
            SELECT u.id, @Period::date, @Now FROM users u
             WHERE u.id = @UserId AND NOT EXISTS (
                   SELECT 1 FROM digest_deliveries o
                    WHERE o.user_id = u.id AND o.period <> @Period::date
                      AND o.period > (@Period::date - {FrequencyInterval})::date)
            ON CONFLICT (user_id, period) DO UPDATE SET attempts = d.attempts + 1, claimed_at = excluded.claimed_at, last_error = NULL
             WHERE {RetryableClaim}
            RETURNING d.attempts;
            """;
        var args = new { UserId = userId, Period = period.ToDateTime(TimeOnly.MinValue), Now = now, AbandonedBefore = now - AbandonedClaimAge };
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await conn.ExecuteScalarAsync<long?>(new CommandDefinition(lockMember, args, tx, cancellationToken: ct)) is null) return null;
        var attempt = await conn.ExecuteScalarAsync<int?>(new CommandDefinition(claim, args, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return attempt;
    }

    public async Task MarkSentAsync(long userId, DateOnly period, DateTime at, CancellationToken ct)
    {
        const string sql = """
            UPDATE digest_deliveries SET state = 'sent', finished_at = @At, last_error = NULL
             WHERE user_id = @UserId AND period = @Period::date AND state = 'claimed';
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql, new { UserId = userId, Period = period.ToDateTime(TimeOnly.MinValue), At = at }, cancellationToken: ct));
    }

    public async Task MarkSkippedAsync(long userId, DateOnly period, string reason, DateTime at, CancellationToken ct)
    {
        const string sql = """
            UPDATE digest_deliveries SET state = 'skipped', finished_at = @At, reason = @Reason, last_error = NULL
             WHERE user_id = @UserId AND period = @Period::date AND state = 'claimed';
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql,
            new { UserId = userId, Period = period.ToDateTime(TimeOnly.MinValue), Reason = reason, At = at }, cancellationToken: ct));
    }

    public async Task MarkFailedAsync(long userId, DateOnly period, string error, CancellationToken ct)
    {
        const string sql = """
            UPDATE digest_deliveries SET last_error = @Error
             WHERE user_id = @UserId AND period = @Period::date AND state = 'claimed';
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(sql,
            new { UserId = userId, Period = period.ToDateTime(TimeOnly.MinValue), Error = error }, cancellationToken: ct));
    }

    public async Task<DigestMember?> MemberAsync(long userId, DateTime now, CancellationToken ct)
    {
        const string sql = $"""
            SELECT u.id, u.username, u.name, u.email, u.locale, u.time_zone, u.role IN ('moderator', 'admin') AS is_staff,
                   u.digest_frequency AS frequency, u.email_confirmed_at, u.last_seen_at,
                   greatest(@Now - {FrequencyInterval},
                            (SELECT max(d.finished_at) FROM digest_deliveries d WHERE d.user_id = u.id AND d.state = 'sent')) AS since,
                   NOT {Visibility.UserActive} AS is_suspended
              FROM users u
             WHERE u.id = @UserId;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition(sql, new { UserId = userId, Now = now }, cancellationToken: ct));
        return row?.ToMember();
    }

    private sealed record MemberRow(long Id, string Username, string Name, string Email, string Locale, string TimeZone, bool IsStaff,
        string Frequency, DateTime? EmailConfirmedAt, DateTime? LastSeenAt, DateTime Since, bool IsSuspended)
    {
        public DigestMember ToMember() => new(Id, Username, Name, Email, Locale, TimeZone, IsStaff,
            DigestRules.TryParse(Frequency, out var frequency) ? frequency : DigestFrequency.Never, EmailConfirmedAt, LastSeenAt, Since, IsSuspended);
    }

    /// <summary>Categories member @ViewerId may read and has not muted (muting a parent mutes its subcategories).</summary>
    private const string ReadableCategories = $"""
        readable AS MATERIALIZED (
            SELECT c.id, c.name, c.color FROM categories c
             WHERE {Visibility.CategoryReadable}
               AND NOT EXISTS (SELECT 1 FROM category_users cu
                                WHERE cu.user_id = @ViewerId AND cu.notification_level = 0
                                  AND (cu.category_id = c.id OR cu.category_id = c.parent_id)))
        """;

    /// <summary>
    /// Topics of the window @ViewerId may see in a digest: listed (neither deleted nor unlisted), not muted, not their
    /// own, not read to the end. The category's readability is checked by joining <c>readable</c>, as of the send.
    /// </summary>
    private const string UnreadTopicFilter = $"""
        {Visibility.TopicDeliverable} AND t.bumped_at >= @Since AND t.user_id <> @ViewerId
           AND coalesce(tu.notification_level, 1) <> 0
           AND coalesce(tu.last_read_post_number, 0) < t.highest_post_number
        """;

    // Four result sets: the categories that count for the member; members who joined; the most active topics
    // (replied to in the window, or pinned announcements new in it), ranked by the window's replies, distinct
    // participants (counted double: a conversation beats a monologue) and likes, pinned first, recency breaking
    // ties; and the new topics. Ranking reads the posts of the most recently bumped candidates only, so the cost
    // per member stays flat however busy the forum is.
    private const string WindowSql = $"""
        WITH {ReadableCategories}
        SELECT id FROM readable;

        SELECT count(*)::int FROM users n WHERE n.created_at >= @Since AND n.created_at < @Until AND n.id <> @ViewerId;

        WITH {ReadableCategories},
        candidates AS (
            SELECT t.id, t.title, t.slug, t.category_id, t.pinned_at, t.posts_count, t.highest_post_number, t.created_at,
                   coalesce(t.last_posted_at, t.created_at) AS last_posted_at, coalesce(tu.last_read_post_number, 0) AS last_read
              FROM topics t
              JOIN readable r ON r.id = t.category_id
              LEFT JOIN topic_users tu ON tu.user_id = @ViewerId AND tu.topic_id = t.id
             WHERE {UnreadTopicFilter}
             ORDER BY t.bumped_at DESC, t.id DESC
             LIMIT @Candidates)
        SELECT t.id, t.title, t.slug, r.name AS category_name, r.color AS category_color, t.pinned_at IS NOT NULL AS is_pinned,
               greatest(t.posts_count - 1, 0) AS reply_count, least(t.last_read + 1, t.highest_post_number) AS first_unread_post_number,
               t.created_at, t.last_posted_at, w.replies AS window_replies, w.participants AS window_participants,
               w.likes AS window_likes, coalesce(p.raw, '') AS first_post_raw
          FROM candidates t
          JOIN readable r ON r.id = t.category_id
          LEFT JOIN posts p ON p.topic_id = t.id AND p.post_number = 1 AND {Visibility.PostTextDeliverable}
         CROSS JOIN LATERAL (
               SELECT (count(*) FILTER (WHERE wp.post_number > 1))::int AS replies, count(DISTINCT wp.user_id)::int AS participants,
                      coalesce(sum(wp.like_count), 0)::int AS likes
                 FROM posts wp
                WHERE wp.topic_id = t.id AND wp.created_at >= @Since AND wp.created_at < @Until AND wp.deleted_at IS NULL) w
         WHERE w.replies > 0 OR (t.pinned_at IS NOT NULL AND t.created_at >= @Since)
         ORDER BY t.pinned_at IS NOT NULL DESC, w.replies + 2 * w.participants + w.likes DESC, t.last_posted_at DESC, t.id DESC
         LIMIT @Take;

        WITH {ReadableCategories}
        SELECT t.id, t.title, t.slug, r.name AS category_name, r.color AS category_color, t.pinned_at IS NOT NULL AS is_pinned,
               greatest(t.posts_count - 1, 0) AS reply_count,
               least(coalesce(tu.last_read_post_number, 0) + 1, t.highest_post_number) AS first_unread_post_number,
               t.created_at, coalesce(t.last_posted_at, t.created_at) AS last_posted_at,
               0 AS window_replies, 0 AS window_participants, 0 AS window_likes, coalesce(p.raw, '') AS first_post_raw
          FROM topics t
          JOIN readable r ON r.id = t.category_id
          LEFT JOIN topic_users tu ON tu.user_id = @ViewerId AND tu.topic_id = t.id
          LEFT JOIN posts p ON p.topic_id = t.id AND p.post_number = 1 AND {Visibility.PostTextDeliverable}
         WHERE {UnreadTopicFilter} AND t.created_at >= @Since AND t.created_at < @Until
         ORDER BY t.pinned_at IS NOT NULL DESC, t.created_at DESC, t.id DESC
         LIMIT @NewTake;
        """;

    public async Task<DigestWindow> WindowAsync(DigestMember member, DateTime until, int take, CancellationToken ct)
    {
        var args = new
        {
            ViewerId = member.Id, member.IsStaff, member.Since, Until = until, Take = take, Candidates = take * 10,
            // Twice as many as shown: those already among the active topics are left out of the new-topics list.
            NewTake = take * 2,
        };
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(WindowSql, args, cancellationToken: ct));
        var categoryIds = (await grid.ReadAsync<long>()).AsList();
        var newMembers = await grid.ReadSingleAsync<int>();
        var popular = (await grid.ReadAsync<DigestTopic>()).AsList();
        var fresh = (await grid.ReadAsync<DigestTopic>()).AsList();
        return new DigestWindow(categoryIds, newMembers, popular, fresh);
    }

    public async Task<IReadOnlyList<CategoryActivity>> CategoryActivityAsync(DateTime since, DateTime until, CancellationToken ct)
    {
        // Unlisted topics are reached by link only, so they are not counted either.
        const string sql = $"""
            WITH new_topics AS (
                SELECT t.category_id, count(*)::int AS n FROM topics t
                 WHERE {Visibility.TopicDeliverable} AND t.bumped_at >= @Since AND t.created_at >= @Since AND t.created_at < @Until
                 GROUP BY t.category_id),
            new_posts AS (
                SELECT t.category_id, count(*)::int AS n FROM posts p JOIN topics t ON t.id = p.topic_id
                 WHERE p.deleted_at IS NULL AND p.created_at >= @Since AND p.created_at < @Until AND {Visibility.TopicDeliverable}
                 GROUP BY t.category_id)
            SELECT c.id AS category_id, coalesce(nt.n, 0) AS new_topics, coalesce(np.n, 0) AS new_posts
              FROM categories c
              LEFT JOIN new_topics nt ON nt.category_id = c.id
              LEFT JOIN new_posts np ON np.category_id = c.id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<CategoryActivity>(new CommandDefinition(sql, new { Since = since, Until = until }, cancellationToken: ct))).AsList();
    }

    public async Task<DigestPreferences?> PreferencesAsync(long userId, CancellationToken ct)
    {
        const string sql = "SELECT digest_frequency AS frequency, digest_hour AS hour FROM users WHERE id = @UserId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<PreferencesRow>(new CommandDefinition(sql, new { UserId = userId }, cancellationToken: ct));
        return row is null ? null
            : new DigestPreferences(DigestRules.TryParse(row.Frequency, out var frequency) ? frequency : DigestFrequency.Never, row.Hour);
    }

    private sealed record PreferencesRow(string Frequency, short Hour);

    public async Task<bool> SetPreferencesAsync(long userId, DigestPreferences preferences, CancellationToken ct)
    {
        const string sql = "UPDATE users SET digest_frequency = @Frequency, digest_hour = @Hour WHERE id = @UserId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql,
            new { UserId = userId, Frequency = DigestRules.NameOf(preferences.Frequency), Hour = (short)preferences.Hour }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> SetFrequencyAsync(long userId, DigestFrequency frequency, CancellationToken ct)
    {
        const string sql = "UPDATE users SET digest_frequency = @Frequency WHERE id = @UserId;";
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(sql,
            new { UserId = userId, Frequency = DigestRules.NameOf(frequency) }, cancellationToken: ct)) == 1;
    }
}
