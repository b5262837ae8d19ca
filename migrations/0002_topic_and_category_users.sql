-- How each member follows topics and categories, and how far they have read (Discourse's topic_users and
-- category_users). Levels: 0 muted, 1 normal, 2 tracking, 3 watching.

CREATE TABLE topic_users (
    user_id               bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    topic_id              bigint      NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    last_read_post_number int         NOT NULL DEFAULT 0,
    notification_level    smallint    NOT NULL DEFAULT 1 CHECK (notification_level BETWEEN 0 AND 3),
    first_visited_at      timestamptz,
    last_visited_at       timestamptz,
    PRIMARY KEY (user_id, topic_id)
);
CREATE INDEX topic_users_topic ON topic_users (topic_id, notification_level);

CREATE TABLE category_users (
    user_id             bigint   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category_id         bigint   NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    notification_level  smallint NOT NULL CHECK (notification_level BETWEEN 0 AND 3),
    PRIMARY KEY (user_id, category_id)
);
CREATE INDEX category_users_category ON category_users (category_id, notification_level);
