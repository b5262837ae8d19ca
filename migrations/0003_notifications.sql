-- Notifications, mentionable groups, the member's default levels for topics they start or reply to, and the
-- previous visit that marks topics "new" in lists.

CREATE TABLE notifications (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id        bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- 1 mentioned, 2 group mentioned, 3 quoted, 4 replied, 5 posted, 6 new topic, 7 liked, 8 moderator action
    kind           smallint    NOT NULL CHECK (kind BETWEEN 1 AND 8),
    topic_id       bigint      NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    post_id        bigint      REFERENCES posts (id) ON DELETE CASCADE,
    post_number    int,
    actor_user_id  bigint      REFERENCES users (id) ON DELETE SET NULL,
    -- Likes of one post collapse into one row: the latest liker is the actor, this counts them all.
    actor_count    int         NOT NULL DEFAULT 1,
    -- The group's name for a group mention, the action key for a moderator action.
    detail         text        NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL,
    read_at        timestamptz
);
CREATE INDEX notifications_user_recent ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_prune ON notifications (read_at) WHERE read_at IS NOT NULL;
-- What a post brings (mention, quote, reply, watched post) reaches a member once, however often it is edited.
CREATE UNIQUE INDEX notifications_once_per_post ON notifications (user_id, post_id) WHERE kind <= 6;
CREATE UNIQUE INDEX notifications_likes_per_post ON notifications (user_id, post_id) WHERE kind = 7;

ALTER TABLE groups ADD COLUMN mentionable boolean NOT NULL DEFAULT false;

ALTER TABLE users
    ADD COLUMN level_on_create   smallint NOT NULL DEFAULT 3 CHECK (level_on_create BETWEEN 1 AND 3),
    ADD COLUMN level_on_reply    smallint NOT NULL DEFAULT 2 CHECK (level_on_reply BETWEEN 1 AND 3),
    ADD COLUMN previous_visit_at timestamptz;
