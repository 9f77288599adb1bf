-- Complaints and service requests (投诉与售后) and follow-up calls (回访).
--
-- A complaint (kind 'complaint') is recorded by anyone at the desk: the
-- customer, what it concerns (an order, a delivery note, an invoice, or
-- nothing), its type, the customer's words, how it came in and how
-- severe it is. Its type routes it to the role that must act
-- (route_role). Its life: open → in_hand (the first action) → resolved
-- (a resolution recorded) → closed (a second person's sign-off, neither
-- its maker nor its resolver); a sign-off may send it back to in_hand.
CREATE TABLE complaints (
  id              INTEGER PRIMARY KEY,
  doc_id          INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  customer_id     INTEGER NOT NULL REFERENCES customers(id),
  concerns_doc_id INTEGER REFERENCES documents(id),
  product         TEXT NOT NULL DEFAULT '',       -- grade and name of the goods it is about (from the document's first line), for statistics by product
  rep_id          INTEGER REFERENCES users(id),   -- the customer's rep when recorded, for statistics by rep
  type            TEXT NOT NULL CHECK (type IN ('quality', 'short', 'over', 'wrong_spec', 'late', 'damage', 'billing', 'price', 'service')),
  words           TEXT NOT NULL CHECK (length(trim(words)) > 0),
  channel         TEXT NOT NULL CHECK (channel IN ('phone', 'visit', 'email', 'wechat', 'letter')),
  severity        TEXT NOT NULL CHECK (severity IN ('low', 'normal', 'high')),
  route_role      TEXT NOT NULL CHECK (route_role IN ('planning', 'warehouse', 'finance', 'supervisor', 'clerk')),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX complaints_customer ON complaints(customer_id, doc_id);
CREATE INDEX complaints_concerns ON complaints(concerns_doc_id);
CREATE INDEX complaints_route ON complaints(route_role, doc_id);

-- Each action taken on a complaint, with who and when: append-only.
-- No action on a closed or withdrawn complaint.
CREATE TABLE complaint_actions (
  id               INTEGER PRIMARY KEY,
  complaint_doc_id INTEGER NOT NULL REFERENCES documents(id),
  action           TEXT NOT NULL CHECK (length(trim(action)) > 0),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX complaint_actions_doc ON complaint_actions(complaint_doc_id, id);
CREATE TRIGGER complaint_actions_guard BEFORE INSERT ON complaint_actions
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.complaint_doc_id AND kind = 'complaint'
                                              AND status IN ('open', 'in_hand', 'resolved'));
END;
CREATE TRIGGER complaint_actions_no_update BEFORE UPDATE ON complaint_actions
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- A resolution (explained, replaced, returned, price allowance, credit),
-- recorded by whoever resolves the complaint, with what was done. One
-- per round: the transition to resolved needs one more resolution than
-- the complaint has been resolved before. The led-to documents (a
-- return, a credit invoice) are named in complaint_links.
CREATE TABLE complaint_resolutions (
  id               INTEGER PRIMARY KEY,
  complaint_doc_id INTEGER NOT NULL REFERENCES documents(id),
  resolution       TEXT NOT NULL CHECK (resolution IN ('explained', 'replaced', 'returned', 'allowance', 'credit')),
  note             TEXT NOT NULL DEFAULT '',
  resolved_by      INTEGER NOT NULL REFERENCES users(id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       INTEGER NOT NULL REFERENCES users(id),
  CHECK (resolved_by = updated_by)
);
CREATE INDEX complaint_resolutions_doc ON complaint_resolutions(complaint_doc_id, id);
CREATE TRIGGER complaint_resolutions_guard BEFORE INSERT ON complaint_resolutions
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.complaint_doc_id AND kind = 'complaint'
                                              AND status IN ('open', 'in_hand'));
END;
CREATE TRIGGER complaint_resolutions_no_update BEFORE UPDATE ON complaint_resolutions
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Documents a complaint led to (a replacement delivery, a return, a
-- credit invoice): any kind, named by the document; append-only.
CREATE TABLE complaint_links (
  id               INTEGER PRIMARY KEY,
  complaint_doc_id INTEGER NOT NULL REFERENCES documents(id),
  led_to_doc_id    INTEGER NOT NULL REFERENCES documents(id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (complaint_doc_id, led_to_doc_id),
  CHECK (complaint_doc_id <> led_to_doc_id)
);
CREATE INDEX complaint_links_led_to ON complaint_links(led_to_doc_id);
CREATE TRIGGER complaint_links_guard BEFORE INSERT ON complaint_links
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.complaint_doc_id AND kind = 'complaint');
END;
CREATE TRIGGER complaint_links_no_update BEFORE UPDATE ON complaint_links
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- The complaint's rules where the data lives: resolved only with a new
-- resolution, closed only by someone who neither made (transitions_guard)
-- nor resolved it.
CREATE TRIGGER complaint_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'complaint' AND NEW.to_status IN ('resolved', 'closed')
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:resolution_missing')
   WHERE NEW.to_status = 'resolved'
     AND (SELECT count(*) FROM complaint_resolutions WHERE complaint_doc_id = NEW.doc_id)
      <= (SELECT count(*) FROM transitions WHERE doc_id = NEW.doc_id AND to_status = 'resolved');
  SELECT RAISE(ABORT, 'orderdesk:resolution_missing')
   WHERE NEW.to_status = 'closed'
     AND NOT EXISTS (SELECT 1 FROM complaint_resolutions WHERE complaint_doc_id = NEW.doc_id);
  SELECT RAISE(ABORT, 'orderdesk:resolver_cannot_close')
   WHERE NEW.to_status = 'closed'
     AND NEW.actor_id = (SELECT resolved_by FROM complaint_resolutions WHERE complaint_doc_id = NEW.doc_id ORDER BY id DESC LIMIT 1);
END;

-- A follow-up call's outcome (回访), kept on the customer file: after a
-- delivery (source 'delivery', the note) or after a complaint was
-- resolved (source 'complaint'): was the customer satisfied, and what
-- they said. One per source document; append-only.
CREATE TABLE follow_ups (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  source        TEXT NOT NULL CHECK (source IN ('delivery', 'complaint')),
  source_doc_id INTEGER NOT NULL REFERENCES documents(id),
  satisfied     INTEGER NOT NULL CHECK (satisfied IN (0, 1)),
  remark        TEXT NOT NULL DEFAULT '',
  called_on     TEXT NOT NULL CHECK (length(called_on) = 10),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (source_doc_id)
);
CREATE INDEX follow_ups_customer ON follow_ups(customer_id, id);
CREATE TRIGGER follow_ups_guard BEFORE INSERT ON follow_ups
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NEW.source = 'complaint' AND NOT EXISTS (
     SELECT 1 FROM documents d JOIN complaints c ON c.doc_id = d.id
      WHERE d.id = NEW.source_doc_id AND d.kind = 'complaint' AND d.status IN ('resolved', 'closed') AND c.customer_id = NEW.customer_id);
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NEW.source = 'delivery' AND NOT EXISTS (
     SELECT 1 FROM delivery_notes n JOIN delivery_dispatches x ON x.note_doc_id = n.doc_id
      WHERE n.doc_id = NEW.source_doc_id AND n.customer_id = NEW.customer_id);
END;
CREATE TRIGGER follow_ups_no_update BEFORE UPDATE ON follow_ups
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
