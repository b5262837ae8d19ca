-- The colour scheme a member chose in Preferences; 'system' follows the device's light or dark setting.
ALTER TABLE users ADD COLUMN theme text NOT NULL DEFAULT 'system'
    CONSTRAINT users_theme_known CHECK (theme IN ('system', 'light', 'dark'));
