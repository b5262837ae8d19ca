-- What a member is composing, saved as they type (Discourse's drafts): one row per member and draft key
-- ('new_topic', 'topic_<id>' for a reply, 'post_<id>' for an edit). Posting or discarding empties the row and
-- moves its sequence on, so a composer still open elsewhere with the old sequence cannot bring the text back.
CREATE TABLE drafts (
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    draft_key   text        NOT NULL,
    sequence    int         NOT NULL DEFAULT 0,
    title       text,
    category_id bigint,
    raw         text,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, draft_key)
);
