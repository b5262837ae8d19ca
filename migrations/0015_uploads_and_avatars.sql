-- Uploaded images, stored on disk under the uploads folder as <sha256>.<ext> (and <sha256>.thumb.<ext>). A row per
-- distinct original and purpose: the same image uploaded again finds its row by the original's hash and is stored once.
CREATE TABLE uploads (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    original_sha256  text        NOT NULL,
    purpose          text        NOT NULL CHECK (purpose IN ('post', 'avatar')),
    sha256           text        NOT NULL,
    extension        text        NOT NULL CHECK (extension IN ('jpg', 'png')),
    width            integer     NOT NULL,
    height           integer     NOT NULL,
    byte_count       integer     NOT NULL,
    has_thumbnail    boolean     NOT NULL,
    user_id          bigint      NOT NULL REFERENCES users (id),
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX uploads_original ON uploads (original_sha256, purpose);

-- The member's own avatar: the stored file's name, read beside the username wherever a name is shown, so no
-- page needs another query for it. NULL: the generated letter avatar.
ALTER TABLE users ADD COLUMN avatar_file text;
