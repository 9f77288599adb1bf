-- Visits (拜访): a visit to a customer or a lead planned ahead (访前计划)
-- and reviewed after (访后分析).
--
-- A visit is a document of kind 'visit'. Planned, it may be edited; its
-- owner reviews it once it happened (planned → reviewed, the review
-- written first in visit_reviews) or it is cancelled with the reason
-- (planned → cancelled, the reason the transition's comment). Nothing is
-- deleted. The visits the customer file's log held (customer_visits of
-- kind 'visit') become reviewed visits at the program's first start on
-- this schema, each pointing back at its entry (log_id).
CREATE TABLE visits (
  id            INTEGER PRIMARY KEY,
  doc_id        INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  owner_id      INTEGER NOT NULL REFERENCES users(id),
  customer_id   INTEGER REFERENCES customers(id),
  lead_doc_id   INTEGER REFERENCES documents(id),
  visit_on      TEXT NOT NULL CHECK (length(visit_on) = 10),
  visit_at      TEXT NOT NULL DEFAULT '' CHECK (visit_at = '' OR length(visit_at) = 5),
  place         TEXT NOT NULL DEFAULT '',
  -- What the visit is for; a visit from the old log had none said.
  goal          TEXT NOT NULL CHECK (goal IN ('relationship', 'volume', 'collect', 'problem')
                                      OR (goal = '' AND log_id IS NOT NULL)),
  questions     TEXT NOT NULL DEFAULT '', -- what the customer may raise, and the answers prepared
  materials     TEXT NOT NULL DEFAULT '', -- what to take
  open_matters  TEXT NOT NULL DEFAULT '', -- left from last time, as the file showed them when planned
  log_id        INTEGER UNIQUE REFERENCES customer_visits(id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER NOT NULL REFERENCES users(id),
  -- A visit is to a customer or to a lead, never both, never nobody.
  CHECK ((customer_id IS NULL) <> (lead_doc_id IS NULL))
);
CREATE INDEX visits_owner_day ON visits(owner_id, visit_on);
CREATE INDEX visits_customer ON visits(customer_id, visit_on);
CREATE INDEX visits_lead ON visits(lead_doc_id);

-- Who is visited stays who it was.
CREATE TRIGGER visits_subject_fixed BEFORE UPDATE OF customer_id, lead_doc_id, log_id ON visits
WHEN NEW.customer_id IS NOT OLD.customer_id OR NEW.lead_doc_id IS NOT OLD.lead_doc_id OR NEW.log_id IS NOT OLD.log_id
BEGIN SELECT RAISE(ABORT, 'orderdesk:fixed_field'); END;

-- The review after the visit (访后分析): whether the goal was reached,
-- what was achieved, why not, what to do better, the next step and its
-- day. One per visit, written by its owner, never changed.
CREATE TABLE visit_reviews (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  reached     TEXT NOT NULL CHECK (reached IN ('yes', 'partly', 'no', '')),
  achieved    TEXT NOT NULL CHECK (length(trim(achieved)) > 0),
  why_not     TEXT NOT NULL DEFAULT '',
  improve     TEXT NOT NULL DEFAULT '',
  next_step   TEXT NOT NULL DEFAULT '',
  next_on     TEXT NOT NULL DEFAULT '' CHECK (next_on = '' OR length(next_on) = 10),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id),
  -- A goal not reached says why.
  CHECK (reached IN ('yes', '') OR trim(why_not) <> '')
);
CREATE TRIGGER visit_reviews_no_update BEFORE UPDATE ON visit_reviews
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER visit_reviews_owner BEFORE INSERT ON visit_reviews
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_your_visit')
   WHERE NEW.updated_by IS NOT (SELECT owner_id FROM visits WHERE doc_id = NEW.doc_id);
  -- Only a visit from the old log may leave unsaid whether it reached its goal.
  SELECT RAISE(ABORT, 'orderdesk:invalid_choice')
   WHERE NEW.reached = '' AND (SELECT log_id FROM visits WHERE doc_id = NEW.doc_id) IS NULL;
END;

-- Status moves, where the data lives: the review is its owner's and
-- comes with its analysis; a cancellation says why and is the owner's,
-- the desk's or a supervisor's.
CREATE TRIGGER visit_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'visit'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_your_visit')
   WHERE NEW.to_status = 'reviewed' AND NEW.actor_id IS NOT (SELECT owner_id FROM visits WHERE doc_id = NEW.doc_id);
  SELECT RAISE(ABORT, 'orderdesk:visit_not_reviewed')
   WHERE NEW.to_status = 'reviewed' AND NOT EXISTS (SELECT 1 FROM visit_reviews WHERE doc_id = NEW.doc_id);
  SELECT RAISE(ABORT, 'orderdesk:comment_required')
   WHERE NEW.to_status = 'cancelled' AND trim(coalesce(NEW.comment, '')) = '';
  SELECT RAISE(ABORT, 'orderdesk:not_your_visit')
   WHERE NEW.to_status = 'cancelled'
     AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.actor_id
                        AND (instr(u.roles, ',clerk,') > 0 OR instr(u.roles, ',supervisor,') > 0))
     AND NEW.actor_id IS NOT (SELECT owner_id FROM visits WHERE doc_id = NEW.doc_id);
END;

-- A sales rep plans visits only for themselves.
CREATE TRIGGER visits_owner BEFORE INSERT ON visits
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_your_visit')
   WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.updated_by
                        AND (instr(u.roles, ',clerk,') > 0 OR instr(u.roles, ',supervisor,') > 0))
     AND NEW.updated_by IS NOT NEW.owner_id;
END;
CREATE TRIGGER visits_owner_moved BEFORE UPDATE OF owner_id ON visits
WHEN NEW.owner_id IS NOT OLD.owner_id
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_your_visit')
   WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.updated_by
                        AND (instr(u.roles, ',clerk,') > 0 OR instr(u.roles, ',supervisor,') > 0));
END;
