-- Rule additions: a newer orderdesk may add states and transitions to a
-- document kind that already has documents (a new step in its life),
-- never change or remove one. The insert triggers of 0001 refused any
-- rule for a kind in use, and took any for a kind without documents from
-- anyone; they are replaced here by triggers that accept a new state or
-- rule, for any kind, only while the additions guard is open, and an
-- addition to a kind in use is an audit record saying which program
-- added it.
--
-- The guard is one row that store.SyncRules inserts and deletes within the
-- transaction that adds the rules. Its column refers, deferred, to a
-- table that stays empty, so a transaction that commits with the guard
-- still set fails (foreign keys are on in every orderdesk connection),
-- and a guard left set by a connection without foreign keys shows in
-- PRAGMA foreign_key_check until orderdesk's next start closes it, with
-- an audit record saying so.
--
-- What this does not do: anyone who can write the file can do anything
-- orderdesk can, this included (open the guard, add a rule, close it). It
-- is not simpler than dropping a trigger, and unlike that it leaves an
-- audit record of each rule added, written by the trigger, which only
-- orderdesk seals: one written elsewhere stays unsealed and `audit verify`
-- reports it. Comparing the rules with those the program declares is the
-- tamper check's job, which reports any rule the program does not know.

CREATE TABLE wf_additions_never (id INTEGER PRIMARY KEY);
CREATE TRIGGER wf_additions_never_i BEFORE INSERT ON wf_additions_never
BEGIN SELECT RAISE(ABORT, 'orderdesk:rules_frozen'); END;

CREATE TABLE wf_additions_guard (
  one     INTEGER PRIMARY KEY CHECK (one = 1),
  program TEXT NOT NULL,                        -- the adding binary's version
  schema  INTEGER NOT NULL,                     -- and the schema it knows
  open    INTEGER NOT NULL DEFAULT 0
          REFERENCES wf_additions_never(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TRIGGER wf_additions_guard_u BEFORE UPDATE ON wf_additions_guard
BEGIN SELECT RAISE(ABORT, 'orderdesk:rules_frozen'); END;

-- The latest wf_states_frozen_i and wf_rules_frozen_i are 0001's: an
-- existing state or rule is still never replaced, and a new one, for a
-- kind in use or not, now needs the guard open.
DROP TRIGGER wf_states_frozen_i;
CREATE TRIGGER wf_states_frozen_i BEFORE INSERT ON wf_states
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:rules_frozen')
   WHERE EXISTS (SELECT 1 FROM wf_states WHERE kind = NEW.kind AND status = NEW.status)
      OR NOT EXISTS (SELECT 1 FROM wf_additions_guard);
END;
DROP TRIGGER wf_rules_frozen_i;
CREATE TRIGGER wf_rules_frozen_i BEFORE INSERT ON wf_rules
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:rules_frozen')
   WHERE EXISTS (SELECT 1 FROM wf_rules WHERE kind = NEW.kind AND action = NEW.action AND from_status = NEW.from_status)
      OR NOT EXISTS (SELECT 1 FROM wf_additions_guard);
END;

-- Each addition to a kind in use is an audit record by the system user
-- (the rule tables have no rowid: row_id is 0, the image says which).
CREATE TRIGGER wf_states_added AFTER INSERT ON wf_states
WHEN EXISTS (SELECT 1 FROM documents WHERE kind = NEW.kind)
BEGIN
  INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after)
  SELECT 1, 'wf_states', 0, 'insert', NULL,
         json_object('kind', NEW.kind, 'status', NEW.status, 'initial', NEW.initial, 'editable', NEW.editable,
                     'program', g.program, 'schema', g.schema)
    FROM wf_additions_guard g;
END;
CREATE TRIGGER wf_rules_added AFTER INSERT ON wf_rules
WHEN EXISTS (SELECT 1 FROM documents WHERE kind = NEW.kind)
BEGIN
  INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after)
  SELECT 1, 'wf_rules', 0, 'insert', NULL,
         json_object('kind', NEW.kind, 'action', NEW.action, 'from_status', NEW.from_status,
                     'to_status', NEW.to_status, 'signoff', NEW.signoff, 'roles', NEW.roles,
                     'program', g.program, 'schema', g.schema)
    FROM wf_additions_guard g;
END;
