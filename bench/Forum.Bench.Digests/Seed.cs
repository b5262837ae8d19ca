using Npgsql;

namespace Forum.Bench.Digests;

/// <summary>
/// Bulk data straight in SQL (generate_series), shaped like a busy network: members in several zones and both
/// languages, categories with two private ones, topics over the last four weeks and replies spread among them,
/// some read state and some mutes. Counters are filled in afterwards as the forum would have kept them.
/// </summary>
internal static class Seed
{
    public static async Task RunAsync(NpgsqlDataSource db, int members, int topics, int replies)
    {
        var sql = $$"""
            INSERT INTO users (username, email, password_hash, time_zone, locale, created_at)
            SELECT 'member' || i, 'member' || i || '@bench.example.org', 'not-a-real-hash',
                   (ARRAY['UTC', 'Europe/Madrid', 'America/Argentina/Buenos_Aires', 'Africa/Lagos', 'Asia/Kolkata', 'America/Mexico_City'])[1 + i % 6],
                   CASE WHEN i % 3 = 0 THEN 'es' ELSE 'en' END,
                   now() - (random() * interval '90 days')
              FROM generate_series(1, {{members}}) AS i;
            UPDATE users SET role = 'admin' WHERE username = 'member1';

            INSERT INTO groups (name) VALUES ('board'), ('tech-circle');
            INSERT INTO group_members (group_id, user_id)
            SELECT g.id, u.id FROM groups g JOIN users u ON u.id % 10 = CASE g.name WHEN 'board' THEN 1 ELSE 2 END;

            INSERT INTO categories (name, slug, description, color, position, read_restricted)
            SELECT 'Category ' || i, 'category-' || i, 'About category ' || i,
                   (ARRAY['0088CC', 'E45735', '3AB54A', '8C6238', '652D90'])[1 + i % 5], i, i > 18
              FROM generate_series(1, 20) AS i;
            INSERT INTO category_groups (category_id, group_id)
            SELECT c.id, g.id FROM categories c JOIN groups g ON (c.slug = 'category-19' AND g.name = 'board') OR (c.slug = 'category-20' AND g.name = 'tech-circle');

            INSERT INTO topics (category_id, user_id, title, slug, created_at, bumped_at)
            SELECT (SELECT id FROM categories ORDER BY id OFFSET i % 20 LIMIT 1),
                   1 + (i * 7919) % {{members}},
                   'Topic ' || i || ': shared hosting, rates and the next assembly',
                   'topic-' || i || '-shared-hosting-rates-and-the-next-assembly',
                   now() - ((i % 28) * interval '1 day') - (random() * interval '1 day'), now()
              FROM generate_series(1, {{topics}}) AS i;

            INSERT INTO posts (topic_id, post_number, user_id, raw, cooked, cooked_version, created_at, updated_at)
            SELECT t.id, 1, t.user_id,
                   'We are pooling **servers** across cooperatives in topic ' || t.id || '. Who wants in? ' ||
                   'The plan: one rack, shared on-call, and a [wiki page](https://example.org/wiki) for the details. ' ||
                   'Reply with your needs and the hours you can give each month, and we will sort it out at the assembly.',
                   '<p>Opening post</p>', 1, t.created_at, t.created_at
              FROM topics t;

            -- Replies: topic picked with a skew (low ids busier), numbered in creation order within each topic.
            INSERT INTO posts (topic_id, post_number, user_id, raw, cooked, cooked_version, like_count, created_at, updated_at)
            SELECT r.topic_id, 1 + row_number() OVER (PARTITION BY r.topic_id ORDER BY r.created_at, r.n), r.user_id,
                   'Reply ' || r.n || ': count our cooperative in, we have spare capacity and a few hours a week.',
                   '<p>Reply</p>', 1, r.likes, r.created_at, r.created_at
              FROM (SELECT n, 1 + floor(power(random(), 2) * {{topics}})::int AS topic_id, 1 + (n::bigint * 104729) % {{members}} AS user_id,
                           (random() * 3)::int AS likes, now() - random() * interval '27 days' AS created_at
                      FROM generate_series(1, {{replies}}) AS n) r
              JOIN topics t ON t.id = r.topic_id;
            -- A reply cannot predate its topic's opening post.
            UPDATE posts p SET created_at = t.created_at + interval '1 minute' * p.post_number, updated_at = t.created_at + interval '1 minute' * p.post_number
              FROM topics t WHERE t.id = p.topic_id AND p.post_number > 1 AND p.created_at <= t.created_at;

            UPDATE topics t SET posts_count = s.posts, highest_post_number = s.highest, last_posted_at = s.last_at, bumped_at = s.last_at,
                               last_post_user_id = s.last_user, like_count = s.likes
              FROM (SELECT topic_id, count(*) AS posts, max(post_number) AS highest, max(created_at) AS last_at, sum(like_count) AS likes,
                           (array_agg(user_id ORDER BY post_number DESC))[1] AS last_user
                      FROM posts GROUP BY topic_id) s
             WHERE s.topic_id = t.id;
            UPDATE topics SET pinned_at = created_at, pinned_globally = true WHERE id IN (SELECT id FROM topics ORDER BY created_at DESC LIMIT 2);

            -- Read state and mutes, as members who browse now and then would leave them.
            INSERT INTO topic_users (user_id, topic_id, last_read_post_number, notification_level)
            SELECT DISTINCT ON (u, t) u, t, 1 + (u + t) % 5, CASE WHEN (u + t) % 50 = 0 THEN 0 ELSE 1 END
              FROM (SELECT 1 + (n * 31) % {{members}} AS u, 1 + (n * 17) % {{topics}} AS t FROM generate_series(1, {{members * 5}}) AS n) x;
            INSERT INTO category_users (user_id, category_id, notification_level)
            SELECT u.id, (SELECT id FROM categories ORDER BY id OFFSET u.id % 18 LIMIT 1), 0 FROM users u WHERE u.id % 20 = 0;

            ANALYZE;
            """;
        await using var conn = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
