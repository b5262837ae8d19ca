-- Summary digests by email: each member's frequency and preferred local hour, whether their address is
-- confirmed, and one delivery record per member and window (the key that makes a digest exactly-once).

-- No confirmation flow exists yet, so every account counts as confirmed from the moment it is created.
ALTER TABLE users
    ADD COLUMN digest_frequency   text        NOT NULL DEFAULT 'weekly'
        CHECK (digest_frequency IN ('never', 'daily', 'weekly', 'biweekly', 'monthly')),
    ADD COLUMN digest_hour        smallint    NOT NULL DEFAULT 8 CHECK (digest_hour BETWEEN 0 AND 23),
    ADD COLUMN email_confirmed_at timestamptz DEFAULT now();

-- period is the member's local date on which the digest fell due. A row is written when a job claims the
-- work ('claimed', attempts counted), and ends 'sent' once the SMTP server accepted the message or 'skipped'
-- with the reason. last_error set on a 'claimed' row means the last attempt failed and a retry may take over.
CREATE TABLE digest_deliveries (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    period      date        NOT NULL,
    state       text        NOT NULL DEFAULT 'claimed' CHECK (state IN ('claimed', 'sent', 'skipped')),
    attempts    int         NOT NULL DEFAULT 1,
    claimed_at  timestamptz NOT NULL,
    finished_at timestamptz,
    reason      text,
    last_error  text
);
CREATE UNIQUE INDEX digest_deliveries_key ON digest_deliveries (user_id, period);

-- Counting a window's new posts reads posts by creation time; index-only with topic_id alongside.
CREATE INDEX posts_created ON posts (created_at, topic_id) WHERE deleted_at IS NULL;
-- New members in a window.
CREATE INDEX users_created ON users (created_at);
