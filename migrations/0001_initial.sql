-- Ronda's first schema: accounts, groups, categories, topics, posts, revisions and likes.

CREATE TABLE users (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       text        NOT NULL,
    email          text        NOT NULL,
    password_hash  text        NOT NULL,
    name           text        NOT NULL DEFAULT '',
    bio            text        NOT NULL DEFAULT '',
    organization   text        NOT NULL DEFAULT '',
    location       text        NOT NULL DEFAULT '',
    time_zone      text        NOT NULL DEFAULT 'UTC',
    locale         text        NOT NULL DEFAULT 'en',
    role           text        NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'moderator', 'admin')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz
);
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));

CREATE TABLE groups (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX groups_name_lower ON groups (lower(name));

CREATE TABLE group_members (
    group_id  bigint NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

CREATE TABLE categories (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text        NOT NULL,
    slug            text        NOT NULL,
    description     text        NOT NULL DEFAULT '',
    color           text        NOT NULL DEFAULT '0088CC',
    position        int         NOT NULL DEFAULT 0,
    parent_id       bigint      REFERENCES categories (id),
    read_restricted boolean     NOT NULL DEFAULT false,
    topic_count     int         NOT NULL DEFAULT 0,
    post_count      int         NOT NULL DEFAULT 0,
    latest_post_at  timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX categories_slug ON categories (lower(slug));

-- A read-restricted category is readable by members of the groups listed here (and by staff).
CREATE TABLE category_groups (
    category_id bigint NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    group_id    bigint NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    PRIMARY KEY (category_id, group_id)
);

CREATE TABLE topics (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category_id         bigint      NOT NULL REFERENCES categories (id),
    user_id             bigint      NOT NULL REFERENCES users (id),
    title               text        NOT NULL,
    slug                text        NOT NULL,
    posts_count         int         NOT NULL DEFAULT 0,
    highest_post_number int         NOT NULL DEFAULT 0,
    views               int         NOT NULL DEFAULT 0,
    like_count          int         NOT NULL DEFAULT 0,
    last_post_user_id   bigint      REFERENCES users (id),
    last_posted_at      timestamptz,
    bumped_at           timestamptz NOT NULL DEFAULT now(),
    pinned_at           timestamptz,
    pinned_globally     boolean     NOT NULL DEFAULT false,
    closed_at           timestamptz,
    deleted_at          timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX topics_latest ON topics (bumped_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX topics_category_latest ON topics (category_id, bumped_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX topics_pinned ON topics (pinned_at) WHERE pinned_at IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE posts (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id              bigint      NOT NULL REFERENCES topics (id),
    post_number           int         NOT NULL,
    user_id               bigint      NOT NULL REFERENCES users (id),
    reply_to_post_number  int,
    raw                   text        NOT NULL,
    cooked                text        NOT NULL,
    cooked_version        int         NOT NULL,
    version               int         NOT NULL DEFAULT 1,
    like_count            int         NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    deleted_at            timestamptz,
    deleted_by_id         bigint      REFERENCES users (id)
);
-- The backstop for gap-free numbering: two replies can never share a number.
CREATE UNIQUE INDEX posts_topic_number ON posts (topic_id, post_number);
CREATE INDEX posts_user_recent ON posts (user_id, created_at DESC, id DESC);
CREATE INDEX posts_cooked_version ON posts (cooked_version);

-- Every earlier text of a post; version 1 is the original.
CREATE TABLE post_revisions (
    post_id     bigint      NOT NULL REFERENCES posts (id),
    version     int         NOT NULL,
    raw         text        NOT NULL,
    cooked      text        NOT NULL,
    user_id     bigint      NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (post_id, version)
);

CREATE TABLE post_likes (
    post_id     bigint      NOT NULL REFERENCES posts (id),
    user_id     bigint      NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (post_id, user_id)
);
CREATE INDEX post_likes_user ON post_likes (user_id);

-- One view per topic, viewer and day, as Discourse counts them.
CREATE TABLE topic_views (
    topic_id    bigint NOT NULL REFERENCES topics (id),
    viewer_key  text   NOT NULL,
    viewed_on   date   NOT NULL,
    PRIMARY KEY (topic_id, viewed_on, viewer_key)
);

CREATE TABLE site_settings (
    name   text PRIMARY KEY,
    value  text NOT NULL
);
