-- Moderation: topic states beyond closed/pinned, small-action entries in threads, timers, flags and the review
-- queue, member penalties, and the staff action log.

ALTER TABLE topics
    ADD COLUMN archived_at       timestamptz,
    ADD COLUMN unlisted_at       timestamptz,
    ADD COLUMN pinned_until      timestamptz,
    ADD COLUMN slow_mode_minutes int NOT NULL DEFAULT 0 CHECK (slow_mode_minutes >= 0),
    ADD COLUMN deleted_by_id     bigint REFERENCES users (id);

ALTER TABLE posts
    ADD COLUMN locked_at  timestamptz,
    ADD COLUMN hidden_at  timestamptz;

ALTER TABLE users
    ADD COLUMN silenced_until   timestamptz,
    ADD COLUMN silence_reason   text NOT NULL DEFAULT '',
    ADD COLUMN suspended_until  timestamptz,
    ADD COLUMN suspend_reason   text NOT NULL DEFAULT '';

-- "Unpin for me": a reader who dismissed a pin sees the topic in its natural place again.
CREATE TABLE topic_pin_dismissals (
    user_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    topic_id     bigint      NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    dismissed_at timestamptz NOT NULL,
    PRIMARY KEY (topic_id, user_id)
);

-- Small-action entries shown in the thread between posts ("closed by @mod 3 h ago").
CREATE TABLE topic_actions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id    bigint      NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    action      text        NOT NULL,
    actor_id    bigint      NOT NULL REFERENCES users (id),
    reason      text        NOT NULL DEFAULT '',
    -- Moved posts: how many, and the topic they went to or came from.
    details           text   NOT NULL DEFAULT '',
    related_topic_id  bigint REFERENCES topics (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX topic_actions_topic ON topic_actions (topic_id, created_at, id);

-- At most one pending timer per topic. Setting a timer replaces the row's action and moment; a job acts only if
-- its timer row still exists and is due, so a job scheduled for a replaced or re-armed timer does nothing.
CREATE TABLE topic_timers (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id            bigint      NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    action              text        NOT NULL CHECK (action IN ('close', 'open')),
    execute_at          timestamptz NOT NULL,
    -- Set for "close N hours after the last reply": each reply moves execute_at.
    hours_after_reply   int,
    created_by_id       bigint      NOT NULL REFERENCES users (id),
    created_at          timestamptz NOT NULL
);
CREATE UNIQUE INDEX topic_timers_topic ON topic_timers (topic_id);

CREATE TABLE post_flags (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id         bigint      NOT NULL REFERENCES posts (id),
    user_id         bigint      NOT NULL REFERENCES users (id),
    reason          text        NOT NULL CHECK (reason IN ('off_topic', 'inappropriate', 'spam', 'other')),
    message         text        NOT NULL DEFAULT '',
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'agreed', 'disagreed', 'ignored')),
    created_at      timestamptz NOT NULL,
    reviewed_by_id  bigint      REFERENCES users (id),
    reviewed_at     timestamptz
);
-- One open flag per member and post: flagging twice does not count twice towards hiding.
CREATE UNIQUE INDEX post_flags_pending_once ON post_flags (post_id, user_id) WHERE status = 'pending';
CREATE INDEX post_flags_queue ON post_flags (created_at, id) WHERE status = 'pending';

-- Who did what to whom. Ids are kept without foreign keys: the log outlives the things it names.
CREATE TABLE staff_actions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id        bigint      NOT NULL,
    action          text        NOT NULL,
    target_user_id  bigint,
    topic_id        bigint,
    post_id         bigint,
    details         text        NOT NULL DEFAULT '',
    reason          text        NOT NULL DEFAULT '',
    before_value    text        NOT NULL DEFAULT '',
    after_value     text        NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL
);
CREATE INDEX staff_actions_recent ON staff_actions (id DESC);
CREATE INDEX staff_actions_by_action ON staff_actions (action, id DESC);
CREATE INDEX staff_actions_by_staff ON staff_actions (staff_id, id DESC);
CREATE INDEX staff_actions_by_target ON staff_actions (target_user_id, id DESC);
