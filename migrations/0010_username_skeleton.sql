-- What each username looks like (Forum.Core/Accounts/UsernameSkeleton.cs), so a sign-up whose name passes for a
-- taken one ("arnara.baobab" for "amara.baobab") is refused by one unique index, race-free.
ALTER TABLE users ADD COLUMN username_skeleton text;

-- Existing names are ASCII (letters, digits, _ . -), for which the skeleton is this expression; it must stay in
-- step with UsernameSkeleton.Of. Of existing look-alikes the oldest keeps the skeleton; the others stay NULL,
-- which the unique index ignores, so no account is lost.
WITH skeletons AS (
    SELECT id, replace(replace(replace(translate(lower(username), '01i|_-', 'olll..'), 'rn', 'm'), 'vv', 'w'), 'cl', 'd') AS skeleton
      FROM users
), firsts AS (
    SELECT DISTINCT ON (skeleton) id, skeleton FROM skeletons ORDER BY skeleton, id
)
UPDATE users u SET username_skeleton = f.skeleton FROM firsts f WHERE u.id = f.id;

CREATE UNIQUE INDEX users_username_skeleton ON users (username_skeleton);
