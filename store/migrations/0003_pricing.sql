-- Pricing: inquiries (询价单), quotes (报价) with every revision kept, the
-- price list and its reviewed changes, market reference prices, price
-- requests to purchasing (单价申请), and the log of prices quoted and
-- sold to each customer that a line's price context reads.
-- Money is INTEGER fen, quantities INTEGER thousandths of their unit, days
-- 'YYYY-MM-DD' text. Content tables keyed by doc_id get the generated
-- "editable state only" guards and editor tracking (audit_triggers.go).

-- A document's number is found by kind and prefix (XJ2026-000001).
CREATE INDEX documents_ref ON documents(kind, ref);
-- Open documents of a kind in id order, for keyset-paged lists.
CREATE INDEX documents_kind_status_id ON documents(kind, status, id);
-- Is this grade/spec one the desk sells?
CREATE INDEX products_grade_spec ON products(grade, spec);

CREATE TABLE inquiries (
  id            INTEGER PRIMARY KEY,
  doc_id        INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  payment_terms TEXT NOT NULL CHECK (payment_terms IN ('prepaid', 'monthly')),
  terms_days    INTEGER NOT NULL DEFAULT 0 CHECK (terms_days >= 0),
  contact       TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  search        TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX inquiries_customer ON inquiries(customer_id, doc_id);

-- Lines are never deleted: a line taken out is marked removed.
CREATE TABLE inquiry_lines (
  id              INTEGER PRIMARY KEY,
  doc_id          INTEGER NOT NULL REFERENCES documents(id),
  line_no         INTEGER NOT NULL CHECK (line_no > 0),
  grade           TEXT NOT NULL,
  name            TEXT NOT NULL,
  spec            TEXT NOT NULL DEFAULT '',
  qty             INTEGER NOT NULL CHECK (qty > 0 AND qty <= 1000000000),
  unit            TEXT NOT NULL CHECK (unit IN ('t', 'kg', 'pcs')),
  wanted_on       TEXT NOT NULL DEFAULT '',
  requirements    TEXT NOT NULL DEFAULT '',
  product_id      INTEGER REFERENCES products(id),
  unknown_product INTEGER NOT NULL DEFAULT 0,   -- grade/spec not in the catalogue: purchasing looks
  removed         INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX inquiry_lines_doc ON inquiry_lines(doc_id, line_no);
CREATE INDEX inquiry_lines_unknown ON inquiry_lines(id) WHERE unknown_product = 1 AND removed = 0;

-- One row per quote version. A revision is a new document whose row
-- names the version it revises; the old one stays as it was.
CREATE TABLE quotes (
  id             INTEGER PRIMARY KEY,
  doc_id         INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  inquiry_doc_id INTEGER NOT NULL REFERENCES documents(id),
  customer_id    INTEGER NOT NULL REFERENCES customers(id),
  quote_no       TEXT NOT NULL,
  revision       INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  revises_doc_id INTEGER UNIQUE REFERENCES documents(id),
  payment_terms  TEXT NOT NULL CHECK (payment_terms IN ('prepaid', 'monthly')),
  terms_days     INTEGER NOT NULL DEFAULT 0 CHECK (terms_days >= 0),
  validity_days  INTEGER NOT NULL DEFAULT 7 CHECK (validity_days BETWEEN 1 AND 365),
  notes          TEXT NOT NULL DEFAULT '',
  search         TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (quote_no, revision),
  CHECK ((revision = 1) = (revises_doc_id IS NULL))
);
CREATE INDEX quotes_customer ON quotes(customer_id, doc_id);
CREATE INDEX quotes_inquiry ON quotes(inquiry_doc_id, doc_id);

-- A line's amount is its price times its quantity, rounded half away from
-- zero to the fen (both are non-negative, so +500 then truncate); the
-- quote's total is the sum of the rounded amounts. The bounds keep
-- price × qty inside a 64-bit integer.
CREATE TABLE quote_lines (
  id              INTEGER PRIMARY KEY,
  doc_id          INTEGER NOT NULL REFERENCES documents(id),
  line_no         INTEGER NOT NULL CHECK (line_no > 0),
  inquiry_line_id INTEGER REFERENCES inquiry_lines(id),
  grade           TEXT NOT NULL,
  name            TEXT NOT NULL,
  spec            TEXT NOT NULL DEFAULT '',
  qty             INTEGER NOT NULL CHECK (qty > 0 AND qty <= 1000000000),
  unit            TEXT NOT NULL CHECK (unit IN ('t', 'kg', 'pcs')),
  wanted_on       TEXT NOT NULL DEFAULT '',
  requirements    TEXT NOT NULL DEFAULT '',
  product_id      INTEGER REFERENCES products(id),
  unknown_product INTEGER NOT NULL DEFAULT 0,
  price           INTEGER,                      -- fen per unit; NULL until priced
  amount          INTEGER,                      -- fen
  price_source    TEXT NOT NULL DEFAULT '' CHECK (price_source IN ('', 'list', 'manual', 'request', 'copy')),
  removed         INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER NOT NULL REFERENCES users(id),
  CHECK ((price IS NULL AND amount IS NULL)
      OR (price > 0 AND price <= 1000000000 AND amount = (price * qty + 500) / 1000))
);
CREATE INDEX quote_lines_doc ON quote_lines(doc_id, line_no);
CREATE INDEX quote_lines_inquiry_line ON quote_lines(inquiry_line_id) WHERE inquiry_line_id IS NOT NULL;

-- A revision continues its quote: same number, next revision, same
-- customer and inquiry, and only of a version approved or sent. A won
-- quote is an order in the making and is never revised.
CREATE TRIGGER quotes_insert_guard BEFORE INSERT ON quotes
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:customer_mismatch')
   WHERE NOT EXISTS (SELECT 1 FROM inquiries i JOIN documents d ON d.id = i.doc_id
                      WHERE i.doc_id = NEW.inquiry_doc_id AND d.kind = 'inquiry' AND i.customer_id = NEW.customer_id);
  SELECT RAISE(ABORT, 'orderdesk:quote_won')
   WHERE NEW.revises_doc_id IS NOT NULL
     AND (SELECT status FROM documents WHERE id = NEW.revises_doc_id) = 'won';
  SELECT RAISE(ABORT, 'orderdesk:not_revisable')
   WHERE NEW.revises_doc_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM quotes o JOIN documents d ON d.id = o.doc_id
      WHERE o.doc_id = NEW.revises_doc_id AND d.kind = 'quote' AND d.status IN ('approved', 'sent')
        AND o.quote_no = NEW.quote_no AND o.revision + 1 = NEW.revision
        AND o.customer_id = NEW.customer_id AND o.inquiry_doc_id = NEW.inquiry_doc_id);
END;
CREATE TRIGGER quotes_fixed BEFORE UPDATE OF inquiry_doc_id, customer_id, quote_no, revision, revises_doc_id ON quotes
WHEN NEW.inquiry_doc_id IS NOT OLD.inquiry_doc_id OR NEW.customer_id IS NOT OLD.customer_id OR NEW.quote_no IS NOT OLD.quote_no
  OR NEW.revision IS NOT OLD.revision OR NEW.revises_doc_id IS NOT OLD.revises_doc_id
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:fixed_field');
END;

-- Status changes a quote can only take with its content in order.
CREATE TRIGGER quote_transition_guard BEFORE INSERT ON transitions
WHEN NEW.action IN ('submit', 'resubmit', 'revise')
 AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'quote'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:no_lines')
   WHERE NEW.action <> 'revise' AND NOT EXISTS (SELECT 1 FROM quote_lines WHERE doc_id = NEW.doc_id AND removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:unpriced_lines')
   WHERE NEW.action <> 'revise' AND EXISTS (SELECT 1 FROM quote_lines WHERE doc_id = NEW.doc_id AND removed = 0 AND price IS NULL);
  -- A version is marked revised only once its revision exists.
  SELECT RAISE(ABORT, 'orderdesk:revision_missing')
   WHERE NEW.action = 'revise' AND NOT EXISTS (SELECT 1 FROM quotes WHERE revises_doc_id = NEW.doc_id);
END;

-- Prices quoted (when a quote is marked sent) and sold (when it is won;
-- orders will add theirs) to a customer, for a line's price context.
-- Derived rows: written only by the triggers below, checked against the
-- quote they come from, never changed.
CREATE TABLE customer_prices (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  grade         TEXT NOT NULL,
  spec          TEXT NOT NULL,
  name          TEXT NOT NULL,
  unit          TEXT NOT NULL,
  price         INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('quoted', 'sold')),
  quote_doc_id  INTEGER NOT NULL REFERENCES documents(id),
  quote_line_id INTEGER NOT NULL REFERENCES quote_lines(id),
  at            TEXT NOT NULL,
  UNIQUE (quote_line_id, kind)
);
-- The context's lookups: one seek for the newest row of a customer,
-- grade, spec and kind (the rowid closes the key, newest last).
CREATE INDEX customer_prices_lookup ON customer_prices(customer_id, grade, spec, kind);

CREATE TRIGGER customer_prices_guard BEFORE INSERT ON customer_prices
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:derived_only')
   WHERE NOT EXISTS (
     SELECT 1 FROM quote_lines l JOIN quotes q ON q.doc_id = l.doc_id JOIN documents d ON d.id = l.doc_id
      WHERE l.id = NEW.quote_line_id AND l.doc_id = NEW.quote_doc_id AND l.removed = 0
        AND q.customer_id = NEW.customer_id AND l.grade = NEW.grade AND l.spec = NEW.spec
        AND l.name = NEW.name AND l.unit = NEW.unit AND l.price = NEW.price
        AND d.status = CASE NEW.kind WHEN 'sold' THEN 'won' ELSE 'sent' END);
END;
CREATE TRIGGER customer_prices_no_update BEFORE UPDATE ON customer_prices BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER customer_prices_no_delete BEFORE DELETE ON customer_prices BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

CREATE TRIGGER quote_prices_log AFTER UPDATE OF status ON documents
WHEN NEW.kind = 'quote' AND NEW.status IN ('sent', 'won') AND OLD.status IS NOT NEW.status
BEGIN
  INSERT INTO customer_prices(customer_id, grade, spec, name, unit, price, kind, quote_doc_id, quote_line_id, at)
  SELECT q.customer_id, l.grade, l.spec, l.name, l.unit, l.price,
         CASE NEW.status WHEN 'won' THEN 'sold' ELSE 'quoted' END, NEW.id, l.id, NEW.status_since
    FROM quotes q JOIN quote_lines l ON l.doc_id = q.doc_id
   WHERE q.doc_id = NEW.id AND l.removed = 0 AND l.price IS NOT NULL
   ORDER BY l.line_no;
END;

-- A price-list change is a document (kind price_change); its lines are
-- the prices it sets. The price list takes a row only from a line of an
-- approved change (the trigger below writes them on approval) and never
-- changes one: a new price is a new row, and the row valid on a day is
-- the one with the latest valid_from on or before it.
CREATE TABLE price_change_lines (
  id              INTEGER PRIMARY KEY,
  doc_id          INTEGER NOT NULL REFERENCES documents(id),
  line_no         INTEGER NOT NULL CHECK (line_no > 0),
  grade           TEXT NOT NULL,
  name            TEXT NOT NULL,
  spec            TEXT NOT NULL DEFAULT '',
  unit            TEXT NOT NULL CHECK (unit IN ('t', 'kg', 'pcs')),
  price           INTEGER NOT NULL CHECK (price > 0 AND price <= 1000000000),
  old_price       INTEGER,                      -- the list price it replaces, for the reviewer
  valid_from      TEXT NOT NULL,
  valid_to        TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from),
  unknown_product INTEGER NOT NULL DEFAULT 0,
  removed         INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX price_change_lines_doc ON price_change_lines(doc_id, line_no);

CREATE TABLE price_list (
  id             INTEGER PRIMARY KEY,
  grade          TEXT NOT NULL,
  name           TEXT NOT NULL,
  spec           TEXT NOT NULL DEFAULT '',
  unit           TEXT NOT NULL,
  price          INTEGER NOT NULL,
  valid_from     TEXT NOT NULL,
  valid_to       TEXT,
  change_doc_id  INTEGER NOT NULL REFERENCES documents(id),
  change_line_id INTEGER NOT NULL UNIQUE REFERENCES price_change_lines(id),
  search         TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX price_list_key ON price_list(grade, spec, valid_from);

CREATE TRIGGER price_list_guard BEFORE INSERT ON price_list
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:price_needs_signoff')
   WHERE NOT EXISTS (
     SELECT 1 FROM price_change_lines l JOIN documents d ON d.id = l.doc_id
      WHERE l.id = NEW.change_line_id AND l.doc_id = NEW.change_doc_id AND l.removed = 0
        AND d.kind = 'price_change' AND d.status = 'approved'
        AND l.grade = NEW.grade AND l.name = NEW.name AND l.spec = NEW.spec AND l.unit = NEW.unit
        AND l.price = NEW.price AND l.valid_from = NEW.valid_from AND l.valid_to IS NEW.valid_to);
END;
CREATE TRIGGER price_list_no_update BEFORE UPDATE ON price_list
BEGIN SELECT RAISE(ABORT, 'orderdesk:price_needs_signoff'); END;

CREATE TRIGGER price_changes_apply AFTER UPDATE OF status ON documents
WHEN NEW.kind = 'price_change' AND NEW.status = 'approved' AND OLD.status IS NOT 'approved'
BEGIN
  INSERT INTO price_list(grade, name, spec, unit, price, valid_from, valid_to, change_doc_id, change_line_id, search,
                         created_at, updated_at, updated_by)
  SELECT grade, name, spec, unit, price, valid_from, valid_to, NEW.id, id, lower(grade || ' ' || name || ' ' || spec),
         NEW.updated_at, NEW.updated_at, NEW.updated_by
    FROM price_change_lines WHERE doc_id = NEW.id AND removed = 0 ORDER BY line_no;
END;

-- Market reference prices, one row per source, product and day: history
-- is kept, a correction is a newer row.
CREATE TABLE market_prices (
  id         INTEGER PRIMARY KEY,
  source     TEXT NOT NULL CHECK (source IN ('local', 'shenyang', 'wuxi')),
  grade      TEXT NOT NULL,
  name       TEXT NOT NULL DEFAULT '',
  spec       TEXT NOT NULL DEFAULT '',
  unit       TEXT NOT NULL DEFAULT 't' CHECK (unit IN ('t', 'kg', 'pcs')),
  price      INTEGER NOT NULL CHECK (price > 0 AND price <= 1000000000),
  quoted_on  TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users(id)
);
-- Latest per source: one backward seek each, by spec or, failing that,
-- by product name.
CREATE INDEX market_prices_spec ON market_prices(grade, spec, source, quoted_on);
CREATE INDEX market_prices_name ON market_prices(grade, name, source, quoted_on);
CREATE TRIGGER market_prices_no_update BEFORE UPDATE ON market_prices
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- A price request (单价申请) asks purchasing for the price of a line. It
-- is a document (kind price_request) so it waits in purchasing's inbox
-- and the requester's "waiting" list; the answer is a row of its own,
-- written only by an active purchasing user who did not ask, and the
-- "answer" transition needs that row from the same person.
CREATE TABLE price_requests (
  id              INTEGER PRIMARY KEY,
  doc_id          INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  customer_id     INTEGER NOT NULL REFERENCES customers(id),
  inquiry_line_id INTEGER REFERENCES inquiry_lines(id),
  quote_line_id   INTEGER REFERENCES quote_lines(id),
  grade           TEXT NOT NULL,
  name            TEXT NOT NULL,
  spec            TEXT NOT NULL DEFAULT '',
  qty             INTEGER NOT NULL,
  unit            TEXT NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER NOT NULL REFERENCES users(id),
  CHECK (inquiry_line_id IS NOT NULL OR quote_line_id IS NOT NULL)
);
CREATE INDEX price_requests_inquiry_line ON price_requests(inquiry_line_id) WHERE inquiry_line_id IS NOT NULL;
CREATE INDEX price_requests_quote_line ON price_requests(quote_line_id) WHERE quote_line_id IS NOT NULL;

CREATE TABLE price_answers (
  id             INTEGER PRIMARY KEY,
  request_doc_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  price          INTEGER NOT NULL CHECK (price > 0 AND price <= 1000000000),
  note           TEXT NOT NULL DEFAULT '',
  answered_by    INTEGER NOT NULL REFERENCES users(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES users(id)
);

CREATE TRIGGER price_answers_guard BEFORE INSERT ON price_answers
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:purchasing_only')
   WHERE NEW.updated_by IS NOT NEW.answered_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.answered_by AND u.active = 1 AND instr(u.roles, ',purchasing,') > 0);
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.request_doc_id AND kind = 'price_request' AND status = 'open');
  SELECT RAISE(ABORT, 'orderdesk:maker_cannot_sign')
   WHERE NEW.answered_by = (SELECT maker_id FROM documents WHERE id = NEW.request_doc_id);
END;
CREATE TRIGGER price_answers_no_update BEFORE UPDATE ON price_answers
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

CREATE TRIGGER price_answer_transition_guard BEFORE INSERT ON transitions
WHEN NEW.action = 'answer'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:answer_missing')
   WHERE NOT EXISTS (SELECT 1 FROM price_answers WHERE request_doc_id = NEW.doc_id AND answered_by = NEW.actor_id);
END;

-- The answer fills the line it was asked for, and every still-unpriced
-- line copied from the same inquiry line, in quotes still being drafted.
CREATE TRIGGER price_requests_apply AFTER UPDATE OF status ON documents
WHEN NEW.kind = 'price_request' AND NEW.status = 'answered' AND OLD.status IS NOT 'answered'
BEGIN
  UPDATE quote_lines
     SET price = (SELECT price FROM price_answers WHERE request_doc_id = NEW.id),
         amount = ((SELECT price FROM price_answers WHERE request_doc_id = NEW.id) * qty + 500) / 1000,
         price_source = 'request', updated_at = NEW.updated_at, updated_by = NEW.updated_by
   WHERE price IS NULL AND removed = 0
     AND id IN (SELECT l.id FROM price_requests r JOIN quote_lines l
                    ON l.id = r.quote_line_id OR (r.inquiry_line_id IS NOT NULL AND l.inquiry_line_id = r.inquiry_line_id)
                 WHERE r.doc_id = NEW.id)
     AND EXISTS (SELECT 1 FROM documents d JOIN wf_states s ON s.kind = d.kind AND s.status = d.status
                  WHERE d.id = quote_lines.doc_id AND s.editable = 1);
END;
