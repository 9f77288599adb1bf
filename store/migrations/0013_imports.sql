-- Moving in from Excel: an import is a batch document (kind
-- import_batch) whose lines are the spreadsheet's rows as checked. Nothing
-- of it takes effect before a second person signs the batch off; the
-- lines never change once written, so the sign-off covers exactly what
-- was shown.
CREATE TABLE import_batches (
  doc_id       INTEGER PRIMARY KEY REFERENCES documents(id),
  what         TEXT NOT NULL CHECK (what IN ('customers', 'products', 'prices', 'balances')),
  file_name    TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX import_batches_hash ON import_batches(content_hash);

CREATE TABLE import_lines (
  id         INTEGER PRIMARY KEY,
  doc_id     INTEGER NOT NULL REFERENCES import_batches(doc_id),
  row_no     INTEGER NOT NULL CHECK (row_no > 1),   -- the spreadsheet's row (1 is the header)
  outcome    TEXT NOT NULL CHECK (outcome IN ('new', 'same', 'changed')),
  target_id  INTEGER,                               -- the record it matches, when same or changed
  label      TEXT NOT NULL,                         -- what the row is, for the reviewer
  changes    TEXT NOT NULL DEFAULT '',              -- the fields it changes, comma-separated
  fields     TEXT NOT NULL,                         -- the row's checked values, JSON by column key
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (doc_id, row_no)
);

-- A live batch (waiting or approved) of the same content is that import
-- again: it is refused, so nothing is imported twice.
CREATE TRIGGER import_batches_once BEFORE INSERT ON import_batches
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:already_imported')
   WHERE EXISTS (SELECT 1 FROM import_batches b JOIN documents d ON d.id = b.doc_id
                  WHERE b.content_hash = NEW.content_hash AND d.status IN ('submitted', 'approved'));
  SELECT RAISE(ABORT, 'orderdesk:maker_mismatch')
   WHERE NEW.updated_by IS NOT (SELECT maker_id FROM documents WHERE id = NEW.doc_id AND kind = 'import_batch');
END;
CREATE TRIGGER import_batches_no_update BEFORE UPDATE ON import_batches BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER import_batches_no_delete BEFORE DELETE ON import_batches BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Lines are written by the batch's maker while it waits, and never after.
CREATE TRIGGER import_lines_guard BEFORE INSERT ON import_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_editable')
   WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = NEW.doc_id AND d.kind = 'import_batch'
                      AND d.status = 'submitted' AND d.maker_id = NEW.updated_by
                      AND NOT EXISTS (SELECT 1 FROM transitions t WHERE t.doc_id = d.id));
END;
CREATE TRIGGER import_lines_no_update BEFORE UPDATE ON import_lines BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER import_lines_no_delete BEFORE DELETE ON import_lines BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Who signs a batch off: prices go into the list, so a supervisor (who
-- signs price-list changes); opening balances are finance's figures.
-- The two-person rule itself is transitions_guard's, as for every kind.
CREATE TRIGGER import_batch_signer BEFORE INSERT ON transitions
WHEN NEW.signoff = 1 AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'import_batch'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:role_not_allowed')
   WHERE (SELECT what FROM import_batches WHERE doc_id = NEW.doc_id) = 'prices'
     AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.actor_id AND instr(u.roles, ',supervisor,') > 0);
  SELECT RAISE(ABORT, 'orderdesk:role_not_allowed')
   WHERE (SELECT what FROM import_batches WHERE doc_id = NEW.doc_id) = 'balances'
     AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.actor_id AND instr(u.roles, ',finance,') > 0);
END;

-- A customer's receivable at the cut-over day (期初余额): written only
-- from a line of an approved balances batch, never changed.
CREATE TABLE opening_balances (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL UNIQUE REFERENCES customers(id),
  amount       INTEGER NOT NULL CHECK (amount >= 0),
  as_of        TEXT NOT NULL,
  batch_doc_id INTEGER NOT NULL REFERENCES documents(id),
  line_id      INTEGER NOT NULL UNIQUE REFERENCES import_lines(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE TRIGGER opening_balances_guard BEFORE INSERT ON opening_balances
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:needs_signoff')
   WHERE NOT EXISTS (SELECT 1 FROM import_lines l JOIN import_batches b ON b.doc_id = l.doc_id JOIN documents d ON d.id = b.doc_id
                      WHERE l.id = NEW.line_id AND l.doc_id = NEW.batch_doc_id AND b.what = 'balances' AND d.status = 'approved'
                        AND CAST(json_extract(l.fields, '$.fen') AS INTEGER) = NEW.amount AND json_extract(l.fields, '$.as_of') = NEW.as_of
                        AND coalesce(l.target_id, -1) = NEW.customer_id);
END;
CREATE TRIGGER opening_balances_no_update BEFORE UPDATE ON opening_balances BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER opening_balances_no_delete BEFORE DELETE ON opening_balances BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- The opening balance in the books, as one figure. It is what the
-- customer owes that no invoice issued in the desk covers, due on the
-- cut-over day: a row of note_uninvoiced (0009's, unchanged, and the
-- opening balances), so the exposure (customer_receivables), the payment
-- gate's credit and overdue checks (delivery_releases_guard and
-- workflow's gate, both reading it) count it, and money received pays it
-- down as it pays anything owed. In the monthly ledger it is what the
-- cut-over month shipped under the old books: every later month opens
-- with it, and so do the statements of account signed from them.
DROP VIEW note_uninvoiced;
CREATE VIEW note_uninvoiced AS
SELECT r.note_doc_id, r.customer_id, r.order_doc_id, r.due_on,
       (SELECT coalesce(sum(max(b.amount - coalesce((SELECT sum(il.amount) FROM invoice_lines il
                                                       JOIN documents idoc ON idoc.id = il.doc_id
                                                      WHERE il.delivery_line_id = b.id AND il.removed = 0
                                                        AND idoc.status IN ('issued', 'mailed')), 0), 0)), 0)
          FROM delivery_line_billed b WHERE b.doc_id = r.note_doc_id AND b.removed = 0) AS amount
  FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
 WHERE d.status <> 'void'
UNION ALL
SELECT NULL, o.customer_id, NULL, o.as_of, o.amount FROM opening_balances o;

CREATE TRIGGER ledger_opening AFTER INSERT ON opening_balances
BEGIN
  INSERT OR IGNORE INTO ledger_months(customer_id, month) VALUES (NEW.customer_id, substr(NEW.as_of, 1, 7));
  UPDATE ledger_months SET shipped = shipped + NEW.amount
   WHERE customer_id = NEW.customer_id AND month = substr(NEW.as_of, 1, 7);
END;
