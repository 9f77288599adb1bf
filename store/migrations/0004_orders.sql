-- Sales orders (销售订单) and their contracts (合同): every version kept,
-- numbers from gapless series assigned at the supervisor's sign-off, the
-- customer's signed copy (回传), cancellations through a signed-off
-- request, planning's stock answers and stock-up requests (备货申请) to
-- purchasing.
-- Money is INTEGER fen; quantities INTEGER thousandths of their unit;
-- weights INTEGER thousandths of a tonne (kg); days 'YYYY-MM-DD'.
-- orders and order_lines are document content (doc_id): the generated
-- guards refuse edits outside an editable state (audit_triggers.go).

-- One row per order version. A revision is a new document naming the
-- version it revises; the version revised is kept as it was and marked
-- revised once the revision is signed off.
CREATE TABLE orders (
  id                 INTEGER PRIMARY KEY,
  doc_id             INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  customer_id        INTEGER NOT NULL REFERENCES customers(id),
  rep_id             INTEGER REFERENCES users(id),        -- the customer's rep at entry, for the rep filter
  quote_doc_id       INTEGER REFERENCES documents(id),    -- the won quote it was made from
  copied_from_doc_id INTEGER REFERENCES documents(id),    -- the earlier order it copies
  root_doc_id        INTEGER REFERENCES documents(id),    -- the first version; NULL on the first itself
  revision           INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  revises_doc_id     INTEGER REFERENCES documents(id),
  order_date         TEXT NOT NULL,
  delivery_date      TEXT NOT NULL DEFAULT '',
  customer_name      TEXT NOT NULL,                       -- copied from the customer file, editable
  contact            TEXT NOT NULL DEFAULT '',
  phone              TEXT NOT NULL DEFAULT '',
  ship_to            TEXT NOT NULL DEFAULT '',
  payment_terms      TEXT NOT NULL CHECK (payment_terms IN ('prepaid', 'monthly')),
  terms_days         INTEGER NOT NULL DEFAULT 0 CHECK (terms_days >= 0),
  signing_place      TEXT NOT NULL DEFAULT '',
  total              INTEGER NOT NULL DEFAULT 0 CHECK (total >= 0),  -- the sum of the lines' rounded amounts
  notes              TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  updated_by         INTEGER NOT NULL REFERENCES users(id),
  CHECK ((revision = 1) = (revises_doc_id IS NULL)),
  CHECK ((revision = 1) = (root_doc_id IS NULL)),
  CHECK (delivery_date = '' OR delivery_date >= order_date)
);
CREATE INDEX orders_customer ON orders(customer_id, doc_id);
CREATE INDEX orders_rep ON orders(rep_id, doc_id);
CREATE INDEX orders_date ON orders(order_date, doc_id);
CREATE INDEX orders_root ON orders(root_doc_id) WHERE root_doc_id IS NOT NULL;
CREATE INDEX orders_revises ON orders(revises_doc_id) WHERE revises_doc_id IS NOT NULL;
CREATE INDEX orders_quote ON orders(quote_doc_id) WHERE quote_doc_id IS NOT NULL;
-- A provisional reference typed in the orders filter: a range of refs,
-- each with its status, read from the index alone.
CREATE INDEX documents_kind_ref_status ON documents(kind, ref, status);

-- A line's amount is its unit price times its basis, rounded half away
-- from zero to the fen (both non-negative: +500 then truncate). The basis
-- is the weight in tonnes (steel's usual price per tonne) or the
-- quantity in its unit (a price per piece or per kg). The order's total
-- is the sum of the rounded amounts. Lines are never deleted.
CREATE TABLE order_lines (
  id              INTEGER PRIMARY KEY,
  doc_id          INTEGER NOT NULL REFERENCES documents(id),
  line_no         INTEGER NOT NULL CHECK (line_no > 0),
  quote_line_id   INTEGER REFERENCES quote_lines(id),
  grade           TEXT NOT NULL,
  name            TEXT NOT NULL,
  spec            TEXT NOT NULL DEFAULT '',
  qty             INTEGER NOT NULL CHECK (qty > 0 AND qty <= 1000000000),
  unit            TEXT NOT NULL CHECK (unit IN ('t', 'kg', 'pcs')),
  weight          INTEGER NOT NULL DEFAULT 0 CHECK (weight >= 0 AND weight <= 1000000000),
  price_basis     TEXT NOT NULL DEFAULT 'weight' CHECK (price_basis IN ('weight', 'qty')),
  price           INTEGER,                      -- fen per tonne (weight) or per unit (qty); NULL until priced
  amount          INTEGER,
  requirements    TEXT NOT NULL DEFAULT '',
  product_id      INTEGER REFERENCES products(id),
  unknown_product INTEGER NOT NULL DEFAULT 0,
  removed         INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER NOT NULL REFERENCES users(id),
  CHECK ((price IS NULL AND amount IS NULL)
      OR (price > 0 AND price <= 1000000000
          AND amount = (price * CASE price_basis WHEN 'weight' THEN weight ELSE qty END + 500) / 1000))
);
CREATE INDEX order_lines_doc ON order_lines(doc_id, line_no);

-- A revision continues its order: same customer and first version, the
-- next revision, of a version signed off and not closed, and only one
-- revision of a version in play at a time.
CREATE TRIGGER orders_insert_guard BEFORE INSERT ON orders
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_revisable')
   WHERE NEW.revises_doc_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM orders o JOIN documents d ON d.id = o.doc_id
      WHERE o.doc_id = NEW.revises_doc_id AND d.kind = 'order'
        AND d.status IN ('approved', 'signed', 'in_fulfilment')
        AND o.customer_id = NEW.customer_id AND o.revision + 1 = NEW.revision
        AND coalesce(o.root_doc_id, o.doc_id) = NEW.root_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:revision_open')
   WHERE NEW.revises_doc_id IS NOT NULL AND EXISTS (
     SELECT 1 FROM orders o JOIN documents d ON d.id = o.doc_id
      WHERE o.revises_doc_id = NEW.revises_doc_id AND d.status NOT IN ('withdrawn'));
  SELECT RAISE(ABORT, 'orderdesk:quote_not_won')
   WHERE NEW.quote_doc_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM quotes q JOIN documents d ON d.id = q.doc_id
      WHERE q.doc_id = NEW.quote_doc_id AND d.status = 'won' AND q.customer_id = NEW.customer_id);
END;
CREATE TRIGGER orders_fixed BEFORE UPDATE OF customer_id, quote_doc_id, copied_from_doc_id, root_doc_id, revision, revises_doc_id ON orders
WHEN NEW.customer_id IS NOT OLD.customer_id OR NEW.quote_doc_id IS NOT OLD.quote_doc_id
  OR NEW.copied_from_doc_id IS NOT OLD.copied_from_doc_id OR NEW.root_doc_id IS NOT OLD.root_doc_id
  OR NEW.revision IS NOT OLD.revision OR NEW.revises_doc_id IS NOT OLD.revises_doc_id
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:fixed_field');
END;

-- Order number series (e.g. LNSYNO.{seq}): the last number given in each.
-- The counter follows the numbers (trigger below) and never moves on its
-- own, so a series has neither gaps nor repeats.
CREATE TABLE order_series (
  id         INTEGER PRIMARY KEY,
  series     TEXT NOT NULL UNIQUE,
  digits     INTEGER NOT NULL CHECK (digits BETWEEN 1 AND 12),  -- the sequence's zero-padded width
  last_seq   INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE TRIGGER order_series_new BEFORE INSERT ON order_series
WHEN NEW.last_seq <> 0
BEGIN SELECT RAISE(ABORT, 'orderdesk:number_gap'); END;
CREATE TRIGGER order_series_guard BEFORE UPDATE ON order_series
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:fixed_field') WHERE NEW.series IS NOT OLD.series OR NEW.digits IS NOT OLD.digits;
  SELECT RAISE(ABORT, 'orderdesk:number_gap')
   WHERE NEW.last_seq IS NOT (SELECT max(seq) FROM order_numbers WHERE series = NEW.series);
END;

-- The number of an order (its first version; revisions carry it with
-- "/n"). Written once, at the contract's sign-off: the order must have
-- just been approved by a supervisor, and the number must be the next of
-- its series. Never changed or removed.
CREATE TABLE order_numbers (
  id           INTEGER PRIMARY KEY,
  order_doc_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  series       TEXT NOT NULL REFERENCES order_series(series),
  seq          INTEGER NOT NULL CHECK (seq > 0),
  order_no     TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (series, seq)
);
CREATE TRIGGER order_numbers_guard BEFORE INSERT ON order_numbers
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:number_needs_signoff')
   WHERE NOT EXISTS (
     SELECT 1 FROM documents d JOIN orders o ON o.doc_id = d.id JOIN transitions t ON t.doc_id = d.id
      WHERE d.id = NEW.order_doc_id AND d.kind = 'order' AND d.status = 'approved' AND o.revision = 1
        AND t.id = (SELECT max(id) FROM transitions WHERE doc_id = d.id)
        AND t.action = 'approve' AND t.signoff = 1 AND t.actor_id = NEW.updated_by);
  SELECT RAISE(ABORT, 'orderdesk:number_gap')
   WHERE NEW.seq IS NOT (SELECT last_seq + 1 FROM order_series WHERE series = NEW.series)
      OR NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM order_numbers WHERE series = NEW.series)
      OR NEW.order_no IS NOT (SELECT replace(series, '{seq}',
                               CASE WHEN length(NEW.seq) >= digits THEN NEW.seq ELSE substr('000000000000' || NEW.seq, -digits) END)
                                FROM order_series WHERE series = NEW.series);
END;
CREATE TRIGGER order_numbers_count AFTER INSERT ON order_numbers
BEGIN
  UPDATE order_series SET last_seq = NEW.seq, updated_at = NEW.updated_at, updated_by = NEW.updated_by
   WHERE series = NEW.series;
END;
CREATE TRIGGER order_numbers_no_update BEFORE UPDATE ON order_numbers
BEGIN SELECT RAISE(ABORT, 'orderdesk:fixed_field'); END;

-- A document's ref follows its order number from the next status change
-- on (the number is written right after the sign-off that draws it).
DROP TRIGGER transitions_apply;
CREATE TRIGGER transitions_apply AFTER INSERT ON transitions
BEGIN
  UPDATE documents
     SET status = NEW.to_status, status_since = NEW.at, version = version + 1,
         updated_at = NEW.at, updated_by = NEW.actor_id,
         ref = CASE WHEN kind = 'order' THEN coalesce(
                 (SELECT n.order_no || CASE WHEN o.revision > 1 THEN '/' || o.revision ELSE '' END
                    FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)
                   WHERE o.doc_id = NEW.doc_id), ref)
               ELSE ref END
   WHERE id = NEW.doc_id;
END;

-- The customer's signed and stamped copy came back (回传), on a day.
CREATE TABLE order_signbacks (
  id           INTEGER PRIMARY KEY,
  order_doc_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  signed_on    TEXT NOT NULL CHECK (length(signed_on) = 10),
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE TRIGGER order_signbacks_guard BEFORE INSERT ON order_signbacks
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.order_doc_id AND kind = 'order' AND status = 'approved');
  SELECT RAISE(ABORT, 'orderdesk:signed_before_order')
   WHERE NEW.signed_on < (SELECT order_date FROM orders WHERE doc_id = NEW.order_doc_id);
END;
CREATE TRIGGER order_signbacks_no_update BEFORE UPDATE ON order_signbacks
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- A cancellation (取消申请) is a document of its own, made by the desk
-- with the reason and signed off by a supervisor; its approval cancels
-- the order.
CREATE TABLE order_cancels (
  id           INTEGER PRIMARY KEY,
  doc_id       INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  order_doc_id INTEGER NOT NULL REFERENCES documents(id),
  reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX order_cancels_order ON order_cancels(order_doc_id);
CREATE TRIGGER order_cancels_guard BEFORE INSERT ON order_cancels
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_cancellable')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.order_doc_id AND kind = 'order'
                      AND status IN ('approved', 'signed', 'in_fulfilment'));
END;
CREATE TRIGGER order_cancels_fixed BEFORE UPDATE OF order_doc_id ON order_cancels
WHEN NEW.order_doc_id IS NOT OLD.order_doc_id
BEGIN SELECT RAISE(ABORT, 'orderdesk:fixed_field'); END;

-- Status changes an order can take only with what they need in place.
CREATE TRIGGER order_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'order'
BEGIN
  -- The contract check: lines, every line priced and weighed, the total
  -- adding up, terms, place of signing, ship-to and delivery date.
  SELECT RAISE(ABORT, 'orderdesk:no_lines')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve')
     AND NOT EXISTS (SELECT 1 FROM order_lines WHERE doc_id = NEW.doc_id AND removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:contract_incomplete')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve') AND (
         EXISTS (SELECT 1 FROM order_lines WHERE doc_id = NEW.doc_id AND removed = 0 AND (price IS NULL OR weight = 0))
      OR EXISTS (SELECT 1 FROM orders WHERE doc_id = NEW.doc_id
                  AND (trim(signing_place) = '' OR trim(ship_to) = '' OR delivery_date = ''
                       OR total <> (SELECT coalesce(sum(amount), 0) FROM order_lines WHERE doc_id = NEW.doc_id AND removed = 0))));
  -- Shipping waits for the customer's signed copy; it is recorded first.
  SELECT RAISE(ABORT, 'orderdesk:signback_missing')
   WHERE NEW.action = 'sign_back' AND NOT EXISTS (SELECT 1 FROM order_signbacks WHERE order_doc_id = NEW.doc_id);
  SELECT RAISE(ABORT, 'orderdesk:number_missing')
   WHERE NEW.action = 'sign_back' AND NOT EXISTS (
     SELECT 1 FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id) WHERE o.doc_id = NEW.doc_id);
  -- Cancelled only by an approved cancellation; revised only by an
  -- approved revision.
  SELECT RAISE(ABORT, 'orderdesk:cancel_needs_signoff')
   WHERE NEW.action = 'cancel' AND NOT EXISTS (
     SELECT 1 FROM order_cancels c JOIN documents cd ON cd.id = c.doc_id
      WHERE c.order_doc_id = NEW.doc_id AND cd.status = 'approved' AND cd.updated_by = NEW.actor_id);
  SELECT RAISE(ABORT, 'orderdesk:revision_missing')
   WHERE NEW.action = 'revise' AND NOT EXISTS (
     SELECT 1 FROM orders o JOIN documents rd ON rd.id = o.doc_id
      WHERE o.revises_doc_id = NEW.doc_id AND rd.status = 'approved' AND rd.updated_by = NEW.actor_id);
END;

-- A cancellation's approval needs its order still cancellable.
CREATE TRIGGER order_cancel_transition_guard BEFORE INSERT ON transitions
WHEN NEW.action = 'approve' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'order_cancel'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_cancellable')
   WHERE NOT EXISTS (SELECT 1 FROM order_cancels c JOIN documents d ON d.id = c.order_doc_id
                      WHERE c.doc_id = NEW.doc_id AND d.status IN ('approved', 'signed', 'in_fulfilment'));
END;

-- Planning's answer for a line, as the desk records it: in stock, partly,
-- needs production or needs purchase, and the day it can be met. A newer
-- answer is a new row.
CREATE TABLE order_stock_answers (
  id            INTEGER PRIMARY KEY,
  order_line_id INTEGER NOT NULL REFERENCES order_lines(id),
  answer        TEXT NOT NULL CHECK (answer IN ('in_stock', 'partial', 'production', 'purchase')),
  available     INTEGER NOT NULL DEFAULT 0 CHECK (available >= 0),  -- thousandths of the line's unit on hand
  meet_on       TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX order_stock_answers_line ON order_stock_answers(order_line_id, id);
CREATE TRIGGER order_stock_answers_guard BEFORE INSERT ON order_stock_answers
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_editable')
   WHERE NOT EXISTS (SELECT 1 FROM order_lines l JOIN documents d ON d.id = l.doc_id
                      WHERE l.id = NEW.order_line_id AND l.removed = 0 AND d.kind = 'order'
                        AND d.status IN ('draft', 'submitted', 'sent_back', 'approved', 'signed', 'in_fulfilment'));
END;
CREATE TRIGGER order_stock_answers_no_update BEFORE UPDATE ON order_stock_answers
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- A stock-up request (备货申请) to purchasing: a document (kind
-- stock_request) so it waits in purchasing's inbox; the reply is a row of
-- its own, written only by an active purchasing user who did not ask,
-- and the "reply" transition needs it from the same person.
CREATE TABLE stock_requests (
  id            INTEGER PRIMARY KEY,
  doc_id        INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  order_doc_id  INTEGER REFERENCES documents(id),
  order_line_id INTEGER REFERENCES order_lines(id),
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  grade         TEXT NOT NULL,
  name          TEXT NOT NULL,
  spec          TEXT NOT NULL DEFAULT '',
  unit          TEXT NOT NULL CHECK (unit IN ('t', 'kg', 'pcs')),
  on_hand       INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  needed        INTEGER NOT NULL CHECK (needed > 0 AND needed <= 1000000000),
  needed_by     TEXT NOT NULL DEFAULT '',
  usage         TEXT NOT NULL DEFAULT '',     -- the customer's usage (用量), as the desk knows it
  note          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX stock_requests_order ON stock_requests(order_doc_id) WHERE order_doc_id IS NOT NULL;
CREATE INDEX stock_requests_line ON stock_requests(order_line_id) WHERE order_line_id IS NOT NULL;

CREATE TABLE stock_replies (
  id             INTEGER PRIMARY KEY,
  request_doc_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  answer         TEXT NOT NULL CHECK (answer IN ('will_buy', 'partly', 'cannot')),
  qty            INTEGER NOT NULL DEFAULT 0 CHECK (qty >= 0),
  arrive_on      TEXT NOT NULL DEFAULT '',
  note           TEXT NOT NULL DEFAULT '',
  answered_by    INTEGER NOT NULL REFERENCES users(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES users(id)
);
CREATE TRIGGER stock_replies_guard BEFORE INSERT ON stock_replies
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:purchasing_only')
   WHERE NEW.updated_by IS NOT NEW.answered_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.answered_by AND u.active = 1 AND instr(u.roles, ',purchasing,') > 0);
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.request_doc_id AND kind = 'stock_request' AND status = 'open');
  SELECT RAISE(ABORT, 'orderdesk:maker_cannot_sign')
   WHERE NEW.answered_by = (SELECT maker_id FROM documents WHERE id = NEW.request_doc_id);
END;
CREATE TRIGGER stock_replies_no_update BEFORE UPDATE ON stock_replies
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER stock_reply_transition_guard BEFORE INSERT ON transitions
WHEN NEW.action = 'reply'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:answer_missing')
   WHERE NOT EXISTS (SELECT 1 FROM stock_replies WHERE request_doc_id = NEW.doc_id AND answered_by = NEW.actor_id);
END;

-- The orders filter: each order's number, customer, grades and specs as
-- single characters and pairs (search.go), and the text itself for the
-- exact check. Derived, rewritten by orders.go whenever the order or its
-- number changes; not audited.
CREATE TABLE order_search (
  doc_id INTEGER PRIMARY KEY,
  text   TEXT NOT NULL
);
CREATE VIRTUAL TABLE order_fts USING fts5(grams, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
