using Dapper;
using Forum.Core.Notifications;
using Forum.Data.Database;
using Npgsql;

namespace Forum.Data.Notifications;

/// <summary>The notification writes that ride inside the post stores' transactions, and the level rule they share.</summary>
internal static class NotificationSql
{
    /// <summary>
    /// A member's level for a topic, over aliases <c>tu</c> (topic_users) and <c>cu</c> (category_users), either
    /// possibly missing: the topic's own level unless it is Normal, else the category's. Core's
    /// NotificationLevels.Effective is the same rule.
    /// </summary>
    public const string EffectiveLevel = """
        (CASE WHEN tu.level_chosen THEN tu.notification_level ELSE COALESCE(cu.notification_level, 1) END)
        """;

    /// <summary>
    /// Notifies whom a new or edited post concerns and, for a new post, makes its author follow the topic at the
    /// level their preferences say. Runs inside the caller's transaction; returns the members notified.
    /// </summary>
    public static async Task<IReadOnlyList<long>> WriteForPostAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        long postId, PostNotices notices, bool isNewPost, bool isNewTopic, DateTime at, CancellationToken ct)
    {
        // Each member gets one notification per post, for the strongest reason (the lowest kind): mention, group
        // mention, quote, reply, watched topic or category. Nobody hears of their own post, of a topic they may
        // not read, or of a topic they muted; "posted" and "new topic" need a watching level. The unique index
        // makes an edit notify only whom the earlier text did not.
        const string sql = $"""
            WITH post AS (
                SELECT p.id, p.topic_id, p.post_number, p.user_id, p.reply_to_post_number, t.category_id
                  FROM posts p JOIN topics t ON t.id = p.topic_id
                 WHERE p.id = @PostId),
            author_follows AS (
                INSERT INTO topic_users (user_id, topic_id, last_read_post_number, notification_level, level_chosen, first_visited_at, last_visited_at)
                SELECT u.id, post.topic_id, post.post_number, pref.level, pref.level <> 1, @At, @At
                  FROM post JOIN users u ON u.id = post.user_id
                 CROSS JOIN LATERAL (SELECT CASE WHEN @IsNewTopic THEN u.level_on_create ELSE u.level_on_reply END AS level) pref
                 WHERE @IsNewPost
                ON CONFLICT (user_id, topic_id) DO UPDATE
                   SET last_read_post_number = GREATEST(topic_users.last_read_post_number, EXCLUDED.last_read_post_number),
                       last_visited_at = EXCLUDED.last_visited_at,
                       -- Only a topic without a chosen level follows the preference ("normal" there chooses nothing):
                       -- a mute, a watch or a chosen normal stays.
                       notification_level = CASE WHEN topic_users.level_chosen THEN topic_users.notification_level
                                                 ELSE EXCLUDED.notification_level END,
                       level_chosen = topic_users.level_chosen OR EXCLUDED.level_chosen),
            candidates (user_id, kind, detail) AS (
                SELECT unnest(@MentionedUserIds::bigint[]), 1, ''
                UNION ALL
                SELECT gm.user_id, 2, g.name
                  FROM groups g JOIN group_members gm ON gm.group_id = g.id
                 WHERE g.id = ANY(@MentionedGroupIds::bigint[]) AND g.mentionable
                UNION ALL
                SELECT unnest(@QuotedUserIds::bigint[]), 3, ''
                UNION ALL
                SELECT rp.user_id, 4, ''
                  FROM post JOIN posts rp ON rp.topic_id = post.topic_id AND rp.post_number = post.reply_to_post_number
                 WHERE @IsNewPost AND rp.deleted_at IS NULL
                UNION ALL
                SELECT tu.user_id, 5, ''
                  FROM post JOIN topic_users tu ON tu.topic_id = post.topic_id
                 WHERE @IsNewPost AND NOT @IsNewTopic AND tu.notification_level = 3
                UNION ALL
                SELECT cu.user_id, CASE WHEN @IsNewTopic THEN 6 ELSE 5 END, ''
                  FROM post JOIN category_users cu ON cu.category_id = post.category_id
                 WHERE @IsNewPost AND cu.notification_level = 3),
            chosen AS (
                SELECT DISTINCT ON (cand.user_id) cand.user_id, cand.kind, cand.detail
                  FROM candidates cand
                 CROSS JOIN post
                  JOIN users u ON u.id = cand.user_id
                  JOIN categories c ON c.id = post.category_id
                  LEFT JOIN topic_users tu ON tu.user_id = u.id AND tu.topic_id = post.topic_id
                  LEFT JOIN category_users cu ON cu.user_id = u.id AND cu.category_id = post.category_id
                 WHERE u.id <> post.user_id AND {Visibility.CategoryReadableByUser}
                   AND {EffectiveLevel} > 0 AND (cand.kind <= 4 OR {EffectiveLevel} = 3)
                 ORDER BY cand.user_id, cand.kind)
            INSERT INTO notifications (user_id, kind, topic_id, post_id, post_number, actor_user_id, detail, created_at)
            SELECT chosen.user_id, chosen.kind, post.topic_id, post.id, post.post_number, post.user_id, chosen.detail, @At
              FROM chosen CROSS JOIN post
            ON CONFLICT (user_id, post_id) WHERE kind <= 6 DO NOTHING
            RETURNING user_id;
            """;
        var args = new
        {
            PostId = postId,
            MentionedUserIds = notices.MentionedUserIds.ToArray(),
            MentionedGroupIds = notices.MentionedGroupIds.ToArray(),
            QuotedUserIds = notices.QuotedUserIds.ToArray(),
            IsNewPost = isNewPost,
            IsNewTopic = isNewTopic,
            At = at,
        };
        return (await conn.QueryAsync<long>(new CommandDefinition(sql, args, tx, cancellationToken: ct))).AsList();
    }
}
