-- Month-end reconciliation (对账), statements of account (货款往来对账单)
-- and collections (回款). Money is INTEGER fen; days 'YYYY-MM-DD';
-- months 'YYYY-MM'.
--
-- The balance convention is the statement's (printout.Statement): what
-- a customer owes is goods shipped less money received; invoices are
-- shown beside it and do not move it.
--   closing = opening + shipped − received

-- ledger_months keeps, per customer and month, what shipped (releases of
-- notes not void, by release day), what was invoiced (issues of invoices
-- not void, by issue day) and what was received (receipts, by day), so a
-- month's reconciliation for every customer is one grouped scan of this
-- table, not a walk over two years of documents. Derived: kept by the
-- triggers below and filled here from what exists.
CREATE TABLE ledger_months (
  customer_id INTEGER NOT NULL,
  month       TEXT NOT NULL,
  shipped     INTEGER NOT NULL DEFAULT 0,
  invoiced    INTEGER NOT NULL DEFAULT 0,
  received    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, month)
) WITHOUT ROWID;
CREATE INDEX ledger_months_month ON ledger_months(month, customer_id, shipped, invoiced, received);

INSERT INTO ledger_months(customer_id, month, shipped, invoiced, received)
SELECT customer_id, month, sum(shipped), sum(invoiced), sum(received) FROM (
  SELECT r.customer_id, substr(r.released_on, 1, 7) AS month, r.amount AS shipped, 0 AS invoiced, 0 AS received
    FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id WHERE d.status <> 'void'
  UNION ALL
  SELECT s.customer_id, substr(s.issued_on, 1, 7), 0, s.amount, 0
    FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id WHERE d.status <> 'void'
  UNION ALL
  SELECT p.customer_id, substr(p.received_on, 1, 7), 0, 0, p.amount FROM receipts p)
GROUP BY customer_id, month;

CREATE TRIGGER ledger_release AFTER INSERT ON delivery_releases
BEGIN
  INSERT OR IGNORE INTO ledger_months(customer_id, month) VALUES (NEW.customer_id, substr(NEW.released_on, 1, 7));
  UPDATE ledger_months SET shipped = shipped + NEW.amount
   WHERE customer_id = NEW.customer_id AND month = substr(NEW.released_on, 1, 7);
END;
CREATE TRIGGER ledger_issue AFTER INSERT ON invoice_issues
BEGIN
  INSERT OR IGNORE INTO ledger_months(customer_id, month) VALUES (NEW.customer_id, substr(NEW.issued_on, 1, 7));
  UPDATE ledger_months SET invoiced = invoiced + NEW.amount
   WHERE customer_id = NEW.customer_id AND month = substr(NEW.issued_on, 1, 7);
END;
CREATE TRIGGER ledger_receipt AFTER INSERT ON receipts
BEGIN
  INSERT OR IGNORE INTO ledger_months(customer_id, month) VALUES (NEW.customer_id, substr(NEW.received_on, 1, 7));
  UPDATE ledger_months SET received = received + NEW.amount
   WHERE customer_id = NEW.customer_id AND month = substr(NEW.received_on, 1, 7);
END;
-- A note or invoice voided (or, were it ever possible, brought back)
-- leaves (or rejoins) the month it was released or issued in.
CREATE TRIGGER ledger_void AFTER UPDATE OF status ON documents
WHEN (NEW.status = 'void') <> (OLD.status = 'void') AND NEW.kind IN ('delivery_note', 'invoice')
BEGIN
  UPDATE ledger_months SET shipped = shipped + CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END *
         (SELECT r.amount FROM delivery_releases r WHERE r.note_doc_id = NEW.id)
   WHERE EXISTS (SELECT 1 FROM delivery_releases r WHERE r.note_doc_id = NEW.id
                  AND r.customer_id = ledger_months.customer_id AND substr(r.released_on, 1, 7) = ledger_months.month);
  UPDATE ledger_months SET invoiced = invoiced + CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END *
         (SELECT s.amount FROM invoice_issues s WHERE s.invoice_doc_id = NEW.id)
   WHERE EXISTS (SELECT 1 FROM invoice_issues s WHERE s.invoice_doc_id = NEW.id
                  AND s.customer_id = ledger_months.customer_id AND substr(s.issued_on, 1, 7) = ledger_months.month);
END;
-- Nothing writes it but those triggers; a row is never removed.
CREATE TRIGGER ledger_months_no_delete BEFORE DELETE ON ledger_months
BEGIN SELECT RAISE(ABORT, 'orderdesk:no_delete'); END;

-- Issued invoices with something still open, kept by trigger so the
-- collections ladder and the ageing read only those (open > 0) instead
-- of every invoice ever issued, with what they show copied in (the
-- invoice's number, amount and order number never change once issued).
-- A void invoice is marked and leaves nothing open. Derived, like
-- ledger_months.
CREATE TABLE receivable_open (
  invoice_doc_id INTEGER PRIMARY KEY,
  customer_id    INTEGER NOT NULL,
  invoice_no     TEXT NOT NULL,
  order_ref      TEXT NOT NULL,
  issued_on      TEXT NOT NULL,
  due_on         TEXT NOT NULL,
  amount         INTEGER NOT NULL,
  open           INTEGER NOT NULL,
  void           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX receivable_open_due ON receivable_open(due_on, issued_on, customer_id, amount, open, invoice_no, order_ref)
 WHERE open > 0;
INSERT INTO receivable_open(invoice_doc_id, customer_id, invoice_no, order_ref, issued_on, due_on, amount, open, void)
SELECT s.invoice_doc_id, s.customer_id, s.invoice_no, coalesce(od.ref, ''), s.issued_on, s.due_on, s.amount,
       CASE WHEN d.status = 'void' THEN 0
            ELSE s.amount - coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.invoice_doc_id = s.invoice_doc_id), 0) END,
       d.status = 'void'
  FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id JOIN invoices i ON i.doc_id = s.invoice_doc_id
  LEFT JOIN documents od ON od.id = i.order_doc_id;
CREATE TRIGGER receivable_open_issue AFTER INSERT ON invoice_issues
BEGIN
  INSERT INTO receivable_open(invoice_doc_id, customer_id, invoice_no, order_ref, issued_on, due_on, amount, open)
  VALUES (NEW.invoice_doc_id, NEW.customer_id, NEW.invoice_no,
          coalesce((SELECT od.ref FROM invoices i JOIN documents od ON od.id = i.order_doc_id WHERE i.doc_id = NEW.invoice_doc_id), ''),
          NEW.issued_on, NEW.due_on, NEW.amount,
          NEW.amount - coalesce((SELECT sum(amount) FROM allocations WHERE invoice_doc_id = NEW.invoice_doc_id), 0));
END;
-- Reversals (negative rows) only ever follow a void, which leaves
-- nothing open whichever of the two triggers runs first.
CREATE TRIGGER receivable_open_allocation AFTER INSERT ON allocations WHEN NEW.amount > 0
BEGIN
  UPDATE receivable_open SET open = open - NEW.amount WHERE invoice_doc_id = NEW.invoice_doc_id;
END;
CREATE TRIGGER receivable_open_void AFTER UPDATE OF status ON documents
WHEN NEW.status = 'void' AND OLD.status <> 'void' AND NEW.kind = 'invoice'
BEGIN
  UPDATE receivable_open SET open = 0, void = 1 WHERE invoice_doc_id = NEW.id;
END;

-- A month's reconciliation (kind 'reconciliation', one per month): the
-- desk's figures per customer, frozen when the desk submits it, and the
-- differences against finance's books, each resolved with a note.
-- Finance signs the month off (approve: never its maker, by the
-- transitions guard). A signed month reopens only by a reasoned
-- reopening another person signed off (reconciliation_reopenings).
CREATE TABLE reconciliations (
  id         INTEGER PRIMARY KEY,
  doc_id     INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  month      TEXT NOT NULL UNIQUE CHECK (length(month) = 7 AND substr(month, 5, 1) = '-'),
  notes      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users(id)
);

-- The desk's figures for one customer as submitted.
CREATE TABLE reconciliation_lines (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL REFERENCES documents(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  opening     INTEGER NOT NULL,
  shipped     INTEGER NOT NULL,
  invoiced    INTEGER NOT NULL,
  received    INTEGER NOT NULL,
  closing     INTEGER NOT NULL CHECK (closing = opening + shipped - received),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (doc_id, customer_id)
);

-- A difference between the desk's figure and finance's for one
-- customer: which figure, both amounts, and the note that resolves it.
CREATE TABLE reconciliation_diffs (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL REFERENCES documents(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  field       TEXT NOT NULL CHECK (field IN ('opening', 'shipped', 'invoiced', 'received', 'closing')),
  desk        INTEGER NOT NULL,
  finance     INTEGER NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
  removed     INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id),
  CHECK (resolved = 0 OR length(trim(note)) > 0)
);
CREATE INDEX reconciliation_diffs_doc ON reconciliation_diffs(doc_id, customer_id);

-- A reopening of a signed month (kind 'reconciliation_reopen'): why, and
-- which month; signed off by someone other than who asked.
CREATE TABLE reconciliation_reopenings (
  id         INTEGER PRIMARY KEY,
  doc_id     INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  recon_doc_id INTEGER NOT NULL REFERENCES documents(id),
  reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX reconciliation_reopenings_recon ON reconciliation_reopenings(recon_doc_id);

CREATE TRIGGER reconciliation_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'reconciliation'
BEGIN
  -- Submitted and signed only with every difference resolved.
  SELECT RAISE(ABORT, 'orderdesk:difference_open')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve') AND EXISTS (
     SELECT 1 FROM reconciliation_diffs WHERE doc_id = NEW.doc_id AND removed = 0 AND resolved = 0);
  -- Finance signs the month off.
  SELECT RAISE(ABORT, 'orderdesk:finance_only')
   WHERE NEW.action = 'approve' AND NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.actor_id AND u.active = 1 AND instr(u.roles, ',finance,') > 0);
  -- A signed month reopens only by a reopening signed off and not yet
  -- spent: one reopening per reopen.
  SELECT RAISE(ABORT, 'orderdesk:reopening_missing')
   WHERE NEW.action = 'reopen' AND
         (SELECT count(*) FROM reconciliation_reopenings x JOIN documents xd ON xd.id = x.doc_id
           WHERE x.recon_doc_id = NEW.doc_id AND xd.status = 'approved')
      <= (SELECT count(*) FROM transitions WHERE doc_id = NEW.doc_id AND action = 'reopen');
END;

CREATE TRIGGER reconciliation_reopenings_guard BEFORE INSERT ON reconciliation_reopenings
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.recon_doc_id AND kind = 'reconciliation' AND status = 'signed');
END;

-- A statement of account for one customer and month, issued only for a
-- month finance has signed off, with the figures it signed.
CREATE TABLE statements (
  id           INTEGER PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE CHECK (length(trim(number)) > 0),
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  month        TEXT NOT NULL CHECK (length(month) = 7),
  recon_doc_id INTEGER NOT NULL REFERENCES documents(id),
  opening      INTEGER NOT NULL,
  shipped      INTEGER NOT NULL,
  invoiced     INTEGER NOT NULL,
  received     INTEGER NOT NULL,
  closing      INTEGER NOT NULL CHECK (closing = opening + shipped - received),
  issued_on    TEXT NOT NULL CHECK (length(issued_on) = 10),
  reply_by     TEXT NOT NULL DEFAULT '',
  issued_by    INTEGER NOT NULL REFERENCES users(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX statements_customer ON statements(customer_id, month);
CREATE INDEX statements_month ON statements(month, customer_id);
CREATE TRIGGER statements_guard BEFORE INSERT ON statements
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:month_not_signed')
   WHERE NOT EXISTS (SELECT 1 FROM reconciliations r JOIN documents d ON d.id = r.doc_id
                      WHERE r.doc_id = NEW.recon_doc_id AND r.month = NEW.month AND d.status = 'signed');
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NOT EXISTS (SELECT 1 FROM reconciliation_lines l
                      WHERE l.doc_id = NEW.recon_doc_id AND l.customer_id = NEW.customer_id AND l.opening = NEW.opening
                        AND l.shipped = NEW.shipped AND l.invoiced = NEW.invoiced AND l.received = NEW.received);
  SELECT RAISE(ABORT, 'orderdesk:date_in_future')
   WHERE NEW.issued_on > date(NEW.created_at, '+1 day');
END;
CREATE TRIGGER statements_no_update BEFORE UPDATE ON statements
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- What came back of a statement: received by the customer, confirmed,
-- or disputed with the amount in dispute and why. Append-only; the
-- latest row is the statement's standing.
CREATE TABLE statement_replies (
  id           INTEGER PRIMARY KEY,
  statement_id INTEGER NOT NULL REFERENCES statements(id),
  kind         TEXT NOT NULL CHECK (kind IN ('received', 'confirmed', 'disputed')),
  on_day       TEXT NOT NULL CHECK (length(on_day) = 10),
  disputed     INTEGER NOT NULL DEFAULT 0,
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id),
  CHECK (kind <> 'disputed' OR (disputed <> 0 AND length(trim(note)) > 0))
);
CREATE INDEX statement_replies_statement ON statement_replies(statement_id, id);
CREATE TRIGGER statement_replies_guard BEFORE INSERT ON statement_replies
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:date_in_future')
   WHERE NEW.on_day > date(NEW.created_at, '+1 day');
  SELECT RAISE(ABORT, 'orderdesk:date_before_issue')
   WHERE NEW.on_day < (SELECT issued_on FROM statements WHERE id = NEW.statement_id);
END;
CREATE TRIGGER statement_replies_no_update BEFORE UPDATE ON statement_replies
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Collections (回款). The ladder is computed from each open invoice's due
-- day (workflow/collections.go); what people did about it is recorded
-- here: the clerk reminded the rep, the rep filed an unpaid report
-- (未回款报告单), an overdue letter (逾期回款函) went to the customer.
CREATE TABLE collection_reminders (
  id             INTEGER PRIMARY KEY,
  invoice_doc_id INTEGER NOT NULL REFERENCES documents(id),
  rep_id         INTEGER REFERENCES users(id),
  reminded_on    TEXT NOT NULL CHECK (length(reminded_on) = 10),
  note           TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX collection_reminders_invoice ON collection_reminders(invoice_doc_id);

CREATE TABLE unpaid_reports (
  id             INTEGER PRIMARY KEY,
  invoice_doc_id INTEGER NOT NULL REFERENCES documents(id),
  customer_id    INTEGER NOT NULL REFERENCES customers(id),
  reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  promised_on    TEXT NOT NULL CHECK (length(promised_on) = 10),
  action         TEXT NOT NULL CHECK (length(trim(action)) > 0),
  filed_on       TEXT NOT NULL CHECK (length(filed_on) = 10),
  open           INTEGER NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX unpaid_reports_invoice ON unpaid_reports(invoice_doc_id);
CREATE TRIGGER unpaid_reports_guard BEFORE INSERT ON unpaid_reports
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:customer_mismatch')
   WHERE NOT EXISTS (SELECT 1 FROM invoices WHERE doc_id = NEW.invoice_doc_id AND customer_id = NEW.customer_id);
  SELECT RAISE(ABORT, 'orderdesk:date_before_issue')
   WHERE NEW.promised_on < NEW.filed_on;
END;

CREATE TABLE overdue_letters (
  id           INTEGER PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE,
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  letter_on    TEXT NOT NULL CHECK (length(letter_on) = 10),
  pay_by       TEXT NOT NULL DEFAULT '',
  statement_id INTEGER REFERENCES statements(id),
  amount       INTEGER NOT NULL CHECK (amount > 0),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE TABLE overdue_letter_invoices (
  letter_id      INTEGER NOT NULL REFERENCES overdue_letters(id),
  invoice_doc_id INTEGER NOT NULL REFERENCES documents(id),
  open           INTEGER NOT NULL,
  PRIMARY KEY (letter_id, invoice_doc_id)
) WITHOUT ROWID;
CREATE INDEX overdue_letter_invoices_invoice ON overdue_letter_invoices(invoice_doc_id);

CREATE TRIGGER collection_reminders_no_update BEFORE UPDATE ON collection_reminders
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER unpaid_reports_no_update BEFORE UPDATE ON unpaid_reports
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER overdue_letters_no_update BEFORE UPDATE ON overdue_letters
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER overdue_letter_invoices_no_update BEFORE UPDATE ON overdue_letter_invoices
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER overdue_letter_invoices_no_delete BEFORE DELETE ON overdue_letter_invoices
BEGIN SELECT RAISE(ABORT, 'orderdesk:no_delete'); END;
CREATE TRIGGER receivable_open_no_delete BEFORE DELETE ON receivable_open
BEGIN SELECT RAISE(ABORT, 'orderdesk:no_delete'); END;
