-- Members away from the site hear of mentions, group mentions, quotes and replies by email, in batches: a
-- burst of activity becomes one message. A batch is claimed (its notifications point at it) before sending and
-- marked sent after the SMTP server accepted it, so a retry resends the same batch and nothing else.

ALTER TABLE users ADD COLUMN email_when_away boolean NOT NULL DEFAULT true;

CREATE TABLE notification_email_batches (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    state       text        NOT NULL DEFAULT 'claimed' CHECK (state IN ('claimed', 'sent')),
    attempts    int         NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz,
    last_error  text
);

ALTER TABLE notifications ADD COLUMN email_batch_id bigint REFERENCES notification_email_batches (id) ON DELETE SET NULL;
CREATE INDEX notifications_awaiting_email ON notifications (user_id, created_at)
    WHERE email_batch_id IS NULL AND read_at IS NULL AND kind <= 4;
