-- A sign-in is a row here: the cookie carries a random token, the table its SHA-256, so a stolen table opens no
-- session. Logging out, changing the password, "log out everywhere" and suspension set revoked_at, and every
-- request checks the row, so a copied cookie stops working at once.
CREATE TABLE user_sessions (
    id            text        PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    revoked_at    timestamptz,
    user_agent    text        NOT NULL DEFAULT ''
);
CREATE INDEX user_sessions_live_by_user ON user_sessions (user_id) WHERE revoked_at IS NULL;

-- Links mailed for a password reset or an address confirmation: stored hashed, single use, with an expiry, and
-- tied to the address they were sent to, so a link to an address the member has since changed does nothing.
CREATE TABLE account_tokens (
    id          text        PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text        NOT NULL CHECK (purpose IN ('password_reset', 'email_confirmation')),
    email       text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX account_tokens_by_user ON account_tokens (user_id, purpose);
