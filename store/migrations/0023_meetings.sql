-- Sales meetings (销售会议): the minutes of a meeting (who attended,
-- what was decided) and its action items, each with an owner and a due
-- day, closed by what was done.
--
-- The minutes are a document of kind 'meeting': open while its action
-- items are worked, then closed by a second person's sign-off (a
-- supervisor or the desk, neither its maker nor anyone who closed one of
-- its action items), or voided with the reason. Attendees, decisions,
-- action items and what was done are append-only; nothing is deleted.
CREATE TABLE meetings (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  held_on     TEXT NOT NULL CHECK (length(held_on) = 10),
  place       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX meetings_held ON meetings(held_on);

-- The minutes' day and place change only while they are open.
CREATE TRIGGER meetings_open_only BEFORE UPDATE ON meetings
WHEN (SELECT status FROM documents WHERE id = OLD.doc_id) <> 'open' OR NEW.doc_id IS NOT OLD.doc_id
BEGIN SELECT RAISE(ABORT, 'orderdesk:stale_status'); END;

-- Who attended.
CREATE TABLE meeting_attendees (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL REFERENCES documents(id),
  user_id     INTEGER NOT NULL REFERENCES users(id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (doc_id, user_id)
);
CREATE INDEX meeting_attendees_user ON meeting_attendees(user_id, doc_id);

-- What was decided, numbered from 1 in the minutes.
CREATE TABLE meeting_decisions (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL REFERENCES documents(id),
  no          INTEGER NOT NULL CHECK (no > 0),
  decision    TEXT NOT NULL CHECK (length(trim(decision)) > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (doc_id, no)
);

-- An action item: what one owner does about a decision, by a due day.
-- An item with no owner or no due day is no action item.
CREATE TABLE meeting_actions (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL REFERENCES documents(id),
  decision_no INTEGER NOT NULL,
  owner_id    INTEGER NOT NULL REFERENCES users(id),
  due_on      TEXT NOT NULL CHECK (length(due_on) = 10),
  what        TEXT NOT NULL CHECK (length(trim(what)) > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id),
  FOREIGN KEY (doc_id, decision_no) REFERENCES meeting_decisions(doc_id, no)
);
CREATE INDEX meeting_actions_owner ON meeting_actions(owner_id, due_on);
CREATE INDEX meeting_actions_doc ON meeting_actions(doc_id, id);

-- An action item closed: what was done, on which day, by whom
-- (updated_by: its owner, the desk or a supervisor). Once per item.
CREATE TABLE meeting_action_done (
  id          INTEGER PRIMARY KEY,
  action_id   INTEGER NOT NULL UNIQUE REFERENCES meeting_actions(id),
  done        TEXT NOT NULL CHECK (length(trim(done)) > 0),
  done_on     TEXT NOT NULL CHECK (length(done_on) = 10),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id)
);

-- Nothing is added to minutes that are no longer open, and what is in
-- them is never rewritten.
CREATE TRIGGER meeting_attendees_open BEFORE INSERT ON meeting_attendees
WHEN NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.doc_id AND kind = 'meeting' AND status = 'open')
BEGIN SELECT RAISE(ABORT, 'orderdesk:stale_status'); END;
CREATE TRIGGER meeting_decisions_open BEFORE INSERT ON meeting_decisions
WHEN NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.doc_id AND kind = 'meeting' AND status = 'open')
BEGIN SELECT RAISE(ABORT, 'orderdesk:stale_status'); END;
CREATE TRIGGER meeting_actions_open BEFORE INSERT ON meeting_actions
WHEN NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.doc_id AND kind = 'meeting' AND status = 'open')
BEGIN SELECT RAISE(ABORT, 'orderdesk:stale_status'); END;
CREATE TRIGGER meeting_action_done_guard BEFORE INSERT ON meeting_action_done
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM meeting_actions a JOIN documents d ON d.id = a.doc_id
                      WHERE a.id = NEW.action_id AND d.status = 'open');
  SELECT RAISE(ABORT, 'orderdesk:not_your_action')
   WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.updated_by
                        AND (instr(u.roles, ',clerk,') > 0 OR instr(u.roles, ',supervisor,') > 0))
     AND NEW.updated_by IS NOT (SELECT owner_id FROM meeting_actions WHERE id = NEW.action_id);
END;
CREATE TRIGGER meeting_attendees_no_update BEFORE UPDATE ON meeting_attendees
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER meeting_decisions_no_update BEFORE UPDATE ON meeting_decisions
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER meeting_actions_no_update BEFORE UPDATE ON meeting_actions
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER meeting_action_done_no_update BEFORE UPDATE ON meeting_action_done
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Closing the minutes, where the data lives: every action item done,
-- and the sign-off is no one's who closed one of them (the maker is
-- refused by the two-person rule of every sign-off).
CREATE TRIGGER meeting_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'meeting' AND NEW.to_status = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:actions_open')
   WHERE EXISTS (SELECT 1 FROM meeting_actions a WHERE a.doc_id = NEW.doc_id
                    AND NOT EXISTS (SELECT 1 FROM meeting_action_done x WHERE x.action_id = a.id));
  SELECT RAISE(ABORT, 'orderdesk:closer_did_action')
   WHERE EXISTS (SELECT 1 FROM meeting_action_done x JOIN meeting_actions a ON a.id = x.action_id
                  WHERE a.doc_id = NEW.doc_id AND x.updated_by = NEW.actor_id);
END;
