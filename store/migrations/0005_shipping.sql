-- Shipping (发货): delivery notes drawn from a signed order's open
-- quantities (分单), the supervisor's check against the order (发货双人复核),
-- the payment gate (先款后货 / 月结), overrides signed by a second person,
-- loading by the warehouse, the carrier's hand-over and delivery.
-- Money is INTEGER fen; quantities INTEGER thousandths of their unit;
-- weights INTEGER thousandths of a tonne (kg); days 'YYYY-MM-DD'.
-- delivery_notes, delivery_lines and shipping_overrides are document
-- content (doc_id): edits only in an editable state (audit_triggers.go).
-- What happens to a note after its sign-off (release, loading, dispatch,
-- payments) is written to append-only tables keyed by note_doc_id.

-- Gate settings the triggers read; the engine writes the configured values
-- (shipping.overdue_days, shipping.weight_tolerance_pct) at start, audited.
-- Missing rows mean the defaults below (30 days, 3 per cent).

-- One delivery note (发货单) of an order.
CREATE TABLE delivery_notes (
  id           INTEGER PRIMARY KEY,
  doc_id       INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  order_doc_id INTEGER NOT NULL REFERENCES documents(id),
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  ship_to      TEXT NOT NULL DEFAULT '',
  contact      TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  ship_on      TEXT NOT NULL DEFAULT '',              -- the day it is planned to leave
  total        INTEGER NOT NULL DEFAULT 0 CHECK (total >= 0),
  notes        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX delivery_notes_order ON delivery_notes(order_doc_id, doc_id);
CREATE INDEX delivery_notes_customer ON delivery_notes(customer_id, doc_id);

-- A note's line takes part of an order line: its quantity, its weight and
-- the amount at the order's price (price × basis, rounded half up to the
-- fen). Lines are never deleted; a line taken out is marked removed.
CREATE TABLE delivery_lines (
  id            INTEGER PRIMARY KEY,
  doc_id        INTEGER NOT NULL REFERENCES documents(id),
  line_no       INTEGER NOT NULL CHECK (line_no > 0),
  order_line_id INTEGER NOT NULL REFERENCES order_lines(id),
  qty           INTEGER NOT NULL CHECK (qty > 0 AND qty <= 1000000000),
  weight        INTEGER NOT NULL CHECK (weight >= 0 AND weight <= 1000000000),
  amount        INTEGER NOT NULL CHECK (amount >= 0),
  removed       INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (doc_id, order_line_id)
);
CREATE INDEX delivery_lines_order_line ON delivery_lines(order_line_id);

-- A note is drawn only from an order the customer signed back (回传) and
-- still in force for shipping.
CREATE TRIGGER delivery_notes_insert_guard BEFORE INSERT ON delivery_notes
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:order_not_signed')
   WHERE NOT EXISTS (SELECT 1 FROM documents d JOIN orders o ON o.doc_id = d.id
                      JOIN order_signbacks s ON s.order_doc_id = d.id
                      WHERE d.id = NEW.order_doc_id AND d.kind = 'order'
                        AND d.status IN ('signed', 'in_fulfilment', 'partly_shipped')
                        AND o.customer_id = NEW.customer_id);
END;
CREATE TRIGGER delivery_notes_fixed BEFORE UPDATE OF order_doc_id, customer_id ON delivery_notes
WHEN NEW.order_doc_id IS NOT OLD.order_doc_id OR NEW.customer_id IS NOT OLD.customer_id
BEGIN SELECT RAISE(ABORT, 'orderdesk:fixed_field'); END;

-- A line belongs to its note's order, never takes more than the order
-- line still has open (ordered less what other notes in play hold), and
-- its amount is the order's price times its basis.
CREATE TRIGGER delivery_lines_guard_i BEFORE INSERT ON delivery_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:line_not_in_order')
   WHERE NOT EXISTS (SELECT 1 FROM order_lines l JOIN delivery_notes n ON n.order_doc_id = l.doc_id
                      WHERE l.id = NEW.order_line_id AND n.doc_id = NEW.doc_id AND l.removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:over_shipped')
   WHERE NEW.removed = 0 AND NEW.qty > (SELECT l.qty FROM order_lines l WHERE l.id = NEW.order_line_id)
         - (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
             WHERE dl.order_line_id = NEW.order_line_id AND dl.removed = 0 AND d.status <> 'void');
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.amount IS NOT (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM order_lines l WHERE l.id = NEW.order_line_id);
END;
CREATE TRIGGER delivery_lines_guard_u BEFORE UPDATE ON delivery_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:fixed_field') WHERE NEW.order_line_id IS NOT OLD.order_line_id;
  SELECT RAISE(ABORT, 'orderdesk:over_shipped')
   WHERE NEW.removed = 0 AND NEW.qty > (SELECT l.qty FROM order_lines l WHERE l.id = NEW.order_line_id)
         - (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
             WHERE dl.order_line_id = NEW.order_line_id AND dl.removed = 0 AND d.status <> 'void' AND dl.id <> OLD.id);
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.amount IS NOT (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM order_lines l WHERE l.id = NEW.order_line_id);
END;

-- Finance's word that money arrived (到账确认), against an order (a
-- prepaid customer pays ahead for the whole order or a part) and, where
-- it was paid for one note, that note. Written only by an active finance
-- user as themself, never by the note's maker; never changed. Issue 7's
-- receipts and allocations build on these rows.
CREATE TABLE payment_confirmations (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  order_doc_id INTEGER NOT NULL REFERENCES documents(id),
  note_doc_id  INTEGER REFERENCES documents(id),
  amount       INTEGER NOT NULL CHECK (amount > 0 AND amount <= 100000000000),
  received_on  TEXT NOT NULL CHECK (length(received_on) = 10),
  method       TEXT NOT NULL DEFAULT '',
  reference    TEXT NOT NULL DEFAULT '',
  confirmed_by INTEGER NOT NULL REFERENCES users(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX payment_confirmations_customer ON payment_confirmations(customer_id, id);
CREATE INDEX payment_confirmations_order ON payment_confirmations(order_doc_id);
CREATE INDEX payment_confirmations_note ON payment_confirmations(note_doc_id) WHERE note_doc_id IS NOT NULL;
CREATE TRIGGER payment_confirmations_guard BEFORE INSERT ON payment_confirmations
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:finance_only')
   WHERE NEW.updated_by IS NOT NEW.confirmed_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.confirmed_by AND u.active = 1 AND instr(u.roles, ',finance,') > 0);
  SELECT RAISE(ABORT, 'orderdesk:customer_mismatch')
   WHERE NOT EXISTS (SELECT 1 FROM orders WHERE doc_id = NEW.order_doc_id AND customer_id = NEW.customer_id)
      OR (NEW.note_doc_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM delivery_notes WHERE doc_id = NEW.note_doc_id AND order_doc_id = NEW.order_doc_id));
  SELECT RAISE(ABORT, 'orderdesk:maker_cannot_sign')
   WHERE NEW.note_doc_id IS NOT NULL AND NEW.confirmed_by = (SELECT maker_id FROM documents WHERE id = NEW.note_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:date_in_future')
   WHERE NEW.received_on > date(NEW.created_at, '+1 day');
END;
CREATE TRIGGER payment_confirmations_no_update BEFORE UPDATE ON payment_confirmations
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- An override (放行例外): the desk asks, with the reason, to release a note
-- the gate holds; a finance user or supervisor who neither asked nor made
-- the note signs it off, and the note is released in the same step.
CREATE TABLE shipping_overrides (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  note_doc_id INTEGER NOT NULL REFERENCES documents(id),
  gate        TEXT NOT NULL CHECK (gate IN ('prepaid_unpaid', 'over_credit', 'overdue')),
  amount_due  INTEGER NOT NULL DEFAULT 0 CHECK (amount_due >= 0),
  reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX shipping_overrides_note ON shipping_overrides(note_doc_id);
CREATE TRIGGER shipping_overrides_guard BEFORE INSERT ON shipping_overrides
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_held')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.note_doc_id AND kind = 'delivery_note' AND status = 'approved');
  SELECT RAISE(ABORT, 'orderdesk:override_open')
   WHERE EXISTS (SELECT 1 FROM shipping_overrides s JOIN documents d ON d.id = s.doc_id
                  WHERE s.note_doc_id = NEW.note_doc_id AND d.status = 'submitted');
END;
CREATE TRIGGER shipping_overrides_fixed BEFORE UPDATE OF note_doc_id ON shipping_overrides
WHEN NEW.note_doc_id IS NOT OLD.note_doc_id
BEGIN SELECT RAISE(ABORT, 'orderdesk:fixed_field'); END;
CREATE TRIGGER shipping_override_transition_guard BEFORE INSERT ON transitions
WHEN NEW.action = 'approve' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'shipping_override'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_held')
   WHERE NOT EXISTS (SELECT 1 FROM shipping_overrides s JOIN documents d ON d.id = s.note_doc_id
                      WHERE s.doc_id = NEW.doc_id AND d.status = 'approved');
  SELECT RAISE(ABORT, 'orderdesk:maker_cannot_sign')
   WHERE NEW.actor_id = (SELECT d.maker_id FROM shipping_overrides s JOIN documents d ON d.id = s.note_doc_id WHERE s.doc_id = NEW.doc_id);
END;

-- The release (放行) of a note past the payment gate, on what grounds:
--   prepaid  the order's confirmed payments cover every released note of
--            it, this one included (先款后货);
--   terms    a monthly customer within its credit limit with nothing more
--            than shipping.overdue_days overdue (月结, per contract);
--   finance  a finance user who did not make the note releases a monthly
--            customer's note the gate holds (finance's word);
--   override an approved override of this note.
-- The gate's figures are kept as the releaser saw them. due_on is when
-- the note's money falls due (release day + the order's days); it feeds
-- the overdue check until issue 7's invoices carry due dates.
CREATE TABLE delivery_releases (
  id              INTEGER PRIMARY KEY,
  note_doc_id     INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  order_doc_id    INTEGER NOT NULL REFERENCES documents(id),
  customer_id     INTEGER NOT NULL REFERENCES customers(id),
  basis           TEXT NOT NULL CHECK (basis IN ('prepaid', 'terms', 'finance', 'override')),
  amount          INTEGER NOT NULL CHECK (amount >= 0),
  exposure        INTEGER NOT NULL DEFAULT 0,   -- the customer's open receivable before this note
  credit_limit    INTEGER NOT NULL DEFAULT 0,
  overdue         INTEGER NOT NULL DEFAULT 0,   -- of it, more than shipping.overdue_days past due
  paid            INTEGER NOT NULL DEFAULT 0,   -- confirmed against the order
  override_doc_id INTEGER REFERENCES documents(id),
  released_on     TEXT NOT NULL CHECK (length(released_on) = 10),
  due_on          TEXT NOT NULL CHECK (length(due_on) = 10),
  released_by     INTEGER NOT NULL REFERENCES users(id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER NOT NULL REFERENCES users(id),
  CHECK ((basis = 'override') = (override_doc_id IS NOT NULL))
);
CREATE INDEX delivery_releases_customer ON delivery_releases(customer_id, due_on);
CREATE INDEX delivery_releases_order ON delivery_releases(order_doc_id);

-- A customer's receivable exposure: released notes not void, less what
-- finance confirmed. THE HOOK FOR ISSUE 7: once invoices exist, open
-- invoices replace the notes they cover here and in the release guard.
CREATE VIEW customer_receivables AS
SELECT c.id AS customer_id,
       (SELECT coalesce(sum(r.amount), 0) FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
         WHERE r.customer_id = c.id AND d.status <> 'void') AS shipped,
       (SELECT coalesce(sum(p.amount), 0) FROM payment_confirmations p WHERE p.customer_id = c.id) AS paid
  FROM customers c;

CREATE TRIGGER delivery_releases_guard BEFORE INSERT ON delivery_releases
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents d JOIN delivery_notes n ON n.doc_id = d.id
                      WHERE d.id = NEW.note_doc_id AND d.kind = 'delivery_note' AND d.status = 'approved'
                        AND n.order_doc_id = NEW.order_doc_id AND n.customer_id = NEW.customer_id AND n.total = NEW.amount);
  SELECT RAISE(ABORT, 'orderdesk:fixed_field')
   WHERE NEW.updated_by IS NOT NEW.released_by
      OR NEW.released_on NOT BETWEEN date(NEW.created_at, '-1 day') AND date(NEW.created_at, '+1 day')
      OR NEW.due_on IS NOT date(NEW.released_on, '+' || (SELECT terms_days FROM orders WHERE doc_id = NEW.order_doc_id) || ' days');
  -- Prepaid: the order's confirmed payments cover its released notes and this one.
  SELECT RAISE(ABORT, 'orderdesk:payment_missing')
   WHERE NEW.basis = 'prepaid' AND (
         (SELECT payment_terms FROM orders WHERE doc_id = NEW.order_doc_id) IS NOT 'prepaid'
      OR (SELECT coalesce(sum(amount), 0) FROM payment_confirmations WHERE order_doc_id = NEW.order_doc_id)
         < NEW.amount + (SELECT coalesce(sum(r.amount), 0) FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
                          WHERE r.order_doc_id = NEW.order_doc_id AND d.status <> 'void'));
  -- Monthly, per contract: within the credit limit, nothing long overdue.
  SELECT RAISE(ABORT, 'orderdesk:needs_finance')
   WHERE NEW.basis = 'terms' AND (
         (SELECT payment_terms FROM orders WHERE doc_id = NEW.order_doc_id) IS NOT 'monthly'
      OR (SELECT shipped - paid FROM customer_receivables WHERE customer_id = NEW.customer_id) + NEW.amount
         > (SELECT credit_limit FROM customers WHERE id = NEW.customer_id)
      OR (SELECT coalesce(sum(r.amount), 0) FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
           WHERE r.customer_id = NEW.customer_id AND d.status <> 'void'
             AND r.due_on < date(NEW.released_on, '-' || coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'shipping.overdue_days'), 30) || ' days'))
         > (SELECT coalesce(sum(amount), 0) FROM payment_confirmations WHERE customer_id = NEW.customer_id));
  -- Finance's word: a finance user who did not make the note, for a monthly customer.
  SELECT RAISE(ABORT, 'orderdesk:needs_finance')
   WHERE NEW.basis = 'finance' AND (
         (SELECT payment_terms FROM orders WHERE doc_id = NEW.order_doc_id) IS NOT 'monthly'
      OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.released_by AND u.active = 1 AND instr(u.roles, ',finance,') > 0));
  SELECT RAISE(ABORT, 'orderdesk:maker_cannot_sign')
   WHERE NEW.basis = 'finance' AND NEW.released_by = (SELECT maker_id FROM documents WHERE id = NEW.note_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:override_missing')
   WHERE NEW.basis = 'override' AND NOT EXISTS (
     SELECT 1 FROM shipping_overrides s JOIN documents d ON d.id = s.doc_id
      WHERE s.doc_id = NEW.override_doc_id AND s.note_doc_id = NEW.note_doc_id AND d.status = 'approved');
END;
CREATE TRIGGER delivery_releases_no_update BEFORE UPDATE ON delivery_releases
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- What the warehouse loaded for a line: quantity and weight, which may
-- differ from the note's; a weight further than the tolerance from the
-- note's needs the reason. Written by an active warehouse user as
-- themself while the note is released; never changed.
CREATE TABLE delivery_loads (
  id               INTEGER PRIMARY KEY,
  note_doc_id      INTEGER NOT NULL REFERENCES documents(id),
  delivery_line_id INTEGER NOT NULL UNIQUE REFERENCES delivery_lines(id),
  qty              INTEGER NOT NULL CHECK (qty >= 0 AND qty <= 1000000000),
  weight           INTEGER NOT NULL CHECK (weight >= 0 AND weight <= 1000000000),
  reason           TEXT NOT NULL DEFAULT '',
  loaded_by        INTEGER NOT NULL REFERENCES users(id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX delivery_loads_note ON delivery_loads(note_doc_id);
CREATE TRIGGER delivery_loads_guard BEFORE INSERT ON delivery_loads
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:warehouse_only')
   WHERE NEW.updated_by IS NOT NEW.loaded_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.loaded_by AND u.active = 1 AND instr(u.roles, ',warehouse,') > 0);
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents d JOIN delivery_lines l ON l.doc_id = d.id
                      WHERE d.id = NEW.note_doc_id AND d.kind = 'delivery_note' AND d.status = 'released'
                        AND l.id = NEW.delivery_line_id AND l.removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:weight_reason_missing')
   WHERE length(trim(NEW.reason)) = 0
     AND abs(NEW.weight - (SELECT weight FROM delivery_lines WHERE id = NEW.delivery_line_id)) * 100
         > (SELECT weight FROM delivery_lines WHERE id = NEW.delivery_line_id)
           * coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'shipping.weight_tolerance_pct'), 3);
END;
CREATE TRIGGER delivery_loads_no_update BEFORE UPDATE ON delivery_loads
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- The hand-over to the carrier (物流交接): carrier, vehicle, when it left,
-- when it is expected, and the carrier's signature with its day, which is
-- never before the ship time. Never changed.
CREATE TABLE delivery_dispatches (
  id          INTEGER PRIMARY KEY,
  note_doc_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  carrier     TEXT NOT NULL CHECK (length(trim(carrier)) > 0),
  vehicle     TEXT NOT NULL CHECK (length(trim(vehicle)) > 0),
  driver      TEXT NOT NULL DEFAULT '',
  shipped_at  TEXT NOT NULL CHECK (length(shipped_at) = 16),   -- 'YYYY-MM-DD HH:MM', the desk's time
  expected_on TEXT NOT NULL CHECK (length(expected_on) = 10),
  signed_by   TEXT NOT NULL CHECK (length(trim(signed_by)) > 0),
  signed_on   TEXT NOT NULL CHECK (length(signed_on) = 10),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id),
  CHECK (expected_on >= substr(shipped_at, 1, 10)),
  CHECK (signed_on >= substr(shipped_at, 1, 10))
);
CREATE TRIGGER delivery_dispatches_guard BEFORE INSERT ON delivery_dispatches
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.note_doc_id AND kind = 'delivery_note' AND status = 'loaded');
END;
CREATE TRIGGER delivery_dispatches_no_update BEFORE UPDATE ON delivery_dispatches
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Status changes a note takes only with what they need in place.
CREATE TRIGGER delivery_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'delivery_note'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:no_lines')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve')
     AND NOT EXISTS (SELECT 1 FROM delivery_lines WHERE doc_id = NEW.doc_id AND removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve')
     AND (SELECT total FROM delivery_notes WHERE doc_id = NEW.doc_id)
         IS NOT (SELECT coalesce(sum(amount), 0) FROM delivery_lines WHERE doc_id = NEW.doc_id AND removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:order_not_signed')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve', 'release') AND NOT EXISTS (
     SELECT 1 FROM delivery_notes n JOIN documents o ON o.id = n.order_doc_id
      WHERE n.doc_id = NEW.doc_id AND o.status IN ('signed', 'in_fulfilment', 'partly_shipped'));
  SELECT RAISE(ABORT, 'orderdesk:release_missing')
   WHERE NEW.action = 'release' AND NOT EXISTS (
     SELECT 1 FROM delivery_releases WHERE note_doc_id = NEW.doc_id AND released_by = NEW.actor_id);
  SELECT RAISE(ABORT, 'orderdesk:load_missing')
   WHERE NEW.action = 'load' AND EXISTS (
     SELECT 1 FROM delivery_lines l WHERE l.doc_id = NEW.doc_id AND l.removed = 0
        AND NOT EXISTS (SELECT 1 FROM delivery_loads x WHERE x.delivery_line_id = l.id AND x.loaded_by = NEW.actor_id));
  SELECT RAISE(ABORT, 'orderdesk:dispatch_missing')
   WHERE NEW.action = 'dispatch' AND NOT EXISTS (SELECT 1 FROM delivery_dispatches WHERE note_doc_id = NEW.doc_id);
  SELECT RAISE(ABORT, 'orderdesk:comment_required')
   WHERE NEW.action = 'void' AND length(trim(NEW.comment)) = 0;
END;

-- An order follows its notes: partly shipped once a note left, shipped
-- once every line has left in full.
CREATE TRIGGER order_ship_transition_guard BEFORE INSERT ON transitions
WHEN NEW.action IN ('ship_part', 'ship_all') AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'order'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_shipped')
   WHERE NEW.action = 'ship_all' AND EXISTS (
     SELECT 1 FROM order_lines l WHERE l.doc_id = NEW.doc_id AND l.removed = 0
        AND l.qty > (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
                      WHERE dl.order_line_id = l.id AND dl.removed = 0 AND d.status IN ('in_transit', 'delivered')));
  SELECT RAISE(ABORT, 'orderdesk:not_shipped')
   WHERE NOT EXISTS (SELECT 1 FROM delivery_notes n JOIN documents d ON d.id = n.doc_id
                      WHERE n.order_doc_id = NEW.doc_id AND d.status IN ('in_transit', 'delivered'));
END;

-- The shipping filter: each note's number, its order's number, the
-- customer's names, carrier and vehicle, as single characters and pairs
-- (search.go). Derived, rewritten by shipping.go; not audited.
CREATE TABLE delivery_search (
  doc_id INTEGER PRIMARY KEY,
  text   TEXT NOT NULL
);
CREATE VIRTUAL TABLE delivery_fts USING fts5(grams, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

-- The overrides report: every exception asked, who asked, who signed it
-- and how, and the note's release.
CREATE VIEW shipping_override_report AS
SELECT s.doc_id AS override_doc_id, d.ref AS override_ref, d.status, s.created_at AS asked_at, mk.name AS asked_by,
       nd.ref AS note_ref, o.customer_name AS customer, s.gate, s.amount_due, s.reason,
       t.at AS signed_at, su.name AS signed_by, t.comment AS signer_comment, r.released_on
  FROM shipping_overrides s JOIN documents d ON d.id = s.doc_id JOIN users mk ON mk.id = d.maker_id
  JOIN documents nd ON nd.id = s.note_doc_id JOIN delivery_notes n ON n.doc_id = s.note_doc_id
  JOIN orders o ON o.doc_id = n.order_doc_id
  LEFT JOIN transitions t ON t.id = (SELECT max(id) FROM transitions WHERE doc_id = s.doc_id AND signoff = 1)
  LEFT JOIN users su ON su.id = t.actor_id
  LEFT JOIN delivery_releases r ON r.override_doc_id = s.doc_id;

-- The orders waiting for a note: signed back, still shippable, with an
-- open quantity on some line. Derived (not audited), kept by the
-- triggers below whenever an order moves or a note's lines or status
-- change, so the Shipping screen's first list reads only these.
CREATE TABLE shipping_open_orders (order_doc_id INTEGER PRIMARY KEY);
CREATE TRIGGER shipping_open_order_moves AFTER INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'order'
BEGIN
  DELETE FROM shipping_open_orders WHERE order_doc_id = NEW.doc_id;
  INSERT INTO shipping_open_orders(order_doc_id) SELECT NEW.doc_id
   WHERE NEW.to_status IN ('signed', 'in_fulfilment', 'partly_shipped') AND EXISTS (
     SELECT 1 FROM order_lines l WHERE l.doc_id = NEW.doc_id AND l.removed = 0
        AND l.qty > (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents nd ON nd.id = dl.doc_id
                      WHERE dl.order_line_id = l.id AND dl.removed = 0 AND nd.status <> 'void'));
END;
CREATE TRIGGER shipping_open_note_moves AFTER INSERT ON transitions
WHEN NEW.to_status = 'void' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'delivery_note'
BEGIN
  INSERT OR IGNORE INTO shipping_open_orders(order_doc_id)
  SELECT n.order_doc_id FROM delivery_notes n JOIN documents o ON o.id = n.order_doc_id
   WHERE n.doc_id = NEW.doc_id AND o.status IN ('signed', 'in_fulfilment', 'partly_shipped') AND EXISTS (
     SELECT 1 FROM order_lines l WHERE l.doc_id = n.order_doc_id AND l.removed = 0
        AND l.qty > (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents nd ON nd.id = dl.doc_id
                      WHERE dl.order_line_id = l.id AND dl.removed = 0 AND nd.status <> 'void' AND nd.id <> NEW.doc_id));
END;
CREATE TRIGGER shipping_open_lines_i AFTER INSERT ON delivery_lines
BEGIN
  DELETE FROM shipping_open_orders WHERE order_doc_id = (SELECT order_doc_id FROM delivery_notes WHERE doc_id = NEW.doc_id)
     AND NOT EXISTS (
     SELECT 1 FROM order_lines l WHERE l.doc_id = (SELECT order_doc_id FROM delivery_notes WHERE doc_id = NEW.doc_id) AND l.removed = 0
        AND l.qty > (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents nd ON nd.id = dl.doc_id
                      WHERE dl.order_line_id = l.id AND dl.removed = 0 AND nd.status <> 'void'));
END;
CREATE TRIGGER shipping_open_lines_u AFTER UPDATE ON delivery_lines
BEGIN
  DELETE FROM shipping_open_orders WHERE order_doc_id = (SELECT order_doc_id FROM delivery_notes WHERE doc_id = NEW.doc_id);
  INSERT INTO shipping_open_orders(order_doc_id)
  SELECT n.order_doc_id FROM delivery_notes n JOIN documents o ON o.id = n.order_doc_id
   WHERE n.doc_id = NEW.doc_id AND o.status IN ('signed', 'in_fulfilment', 'partly_shipped') AND EXISTS (
     SELECT 1 FROM order_lines l WHERE l.doc_id = n.order_doc_id AND l.removed = 0
        AND l.qty > (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents nd ON nd.id = dl.doc_id
                      WHERE dl.order_line_id = l.id AND dl.removed = 0 AND nd.status <> 'void'));
END;
INSERT INTO shipping_open_orders(order_doc_id)
SELECT d.id FROM documents d WHERE d.kind = 'order' AND d.status IN ('signed', 'in_fulfilment', 'partly_shipped') AND EXISTS (
  SELECT 1 FROM order_lines l WHERE l.doc_id = d.id AND l.removed = 0
     AND l.qty > (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents nd ON nd.id = dl.doc_id
                   WHERE dl.order_line_id = l.id AND dl.removed = 0 AND nd.status <> 'void'));
