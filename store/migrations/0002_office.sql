-- The office server: SSH keys that identify users, and drafts that keep a
-- form's input when a session drops mid-edit.

CREATE TABLE user_keys (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  fingerprint TEXT NOT NULL,                 -- SHA256:… as ssh-keygen -l prints it
  public_key  TEXT NOT NULL,                 -- "ssh-ed25519 AAAA…"
  comment     TEXT NOT NULL DEFAULT '',
  removed     INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id)
);
-- A key identifies one person: it cannot be active twice.
CREATE UNIQUE INDEX user_keys_active ON user_keys(fingerprint) WHERE removed = 0;
CREATE INDEX user_keys_user ON user_keys(user_id);

-- A removed key stays removed: a new row is needed to bring it back.
CREATE TRIGGER user_keys_no_revive BEFORE UPDATE OF removed ON user_keys
WHEN OLD.removed = 1 AND NEW.removed = 0
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Drafts are a user's unsaved form input, not records: they are kept until
-- the form is saved or discarded, and never audited.
CREATE TABLE drafts (
  user_id    INTEGER NOT NULL REFERENCES users(id),
  form       TEXT NOT NULL,                  -- e.g. "customer:new", "customer:42"
  payload    TEXT NOT NULL,                  -- JSON of the form's fields
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, form)
) WITHOUT ROWID;
