-- A notification email is re-checked when it is sent: a notification the member may no longer read at that moment
-- (topic deleted or moved out of their reach, post deleted or flag-hidden, member suspended) is left out, and the
-- reason kept beside it. It stays in its batch, so it is never mailed later; a batch left with nothing is skipped.

ALTER TABLE notifications ADD COLUMN email_skip_reason text;

ALTER TABLE notification_email_batches ADD COLUMN skipped_at timestamptz;
ALTER TABLE notification_email_batches DROP CONSTRAINT notification_email_batches_state_check;
ALTER TABLE notification_email_batches ADD CONSTRAINT notification_email_batches_state_check
    CHECK (state IN ('claimed', 'sent', 'skipped'));
