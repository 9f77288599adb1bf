-- Signed checkpoints of the audit chain's head. Each row says "record
-- audit_id had hash at this time" and carries an HMAC under the audit
-- key, which the database file does not hold (see auditkey.go). The row
-- of kind 'key' marks where keyed sealing began: records up to its
-- audit_id were sealed with plain SHA-256, every later one with the key.
-- A row of kind 'restore' says the database was put back from a backup
-- at that record: checkpoints signed before it of later records belong
-- to the chain that was let go. The same lines are appended to a file
-- beside the key, so a tail cut from this table and the log together
-- still shows.
CREATE TABLE audit_checkpoints (
  id       INTEGER PRIMARY KEY,
  kind     TEXT NOT NULL CHECK (kind IN ('key', 'head', 'restore')),
  db_id    TEXT NOT NULL,
  audit_id INTEGER NOT NULL,
  hash     TEXT NOT NULL,
  at       TEXT NOT NULL,
  mac      TEXT NOT NULL
);
CREATE INDEX audit_checkpoints_kind ON audit_checkpoints(kind, id);
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
