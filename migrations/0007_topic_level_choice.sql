-- Whether a member chose a topic's level (by hand, or by starting or replying to it as their preferences say).
-- A chosen Normal then overrides a watched or muted category, as in Discourse; an unchosen row follows the category.
ALTER TABLE topic_users ADD COLUMN level_chosen boolean NOT NULL DEFAULT false;
UPDATE topic_users SET level_chosen = true WHERE notification_level <> 1;
