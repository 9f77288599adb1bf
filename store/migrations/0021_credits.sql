-- Credit invoices and allowances (红字发票). An issued invoice is never
-- edited: a return of invoiced goods or an agreed price allowance is a
-- credit (kind 'credit') against the original invoice, for at most what
-- the invoice is worth less the credits already against it. The desk
-- drafts it, a second person who neither made nor edited it checks it,
-- and finance issues it with the number the tax system gives (the same
-- forms and the same pool of numbers as invoices).
--
-- In the books a credit is a negative invoice: on its issue day it takes
-- its amount off the month's shipped and invoiced figures (so the
-- statement's closing = opening + shipped − received stays the one
-- identity), and it settles open invoices the way a receipt does
-- (credit_allocations; the original's open amount first, the rest on
-- account until finance puts it against another invoice). Voided, it
-- gives back what it settled and leaves the month it was issued in.
-- Money is INTEGER fen; quantities and weights INTEGER thousandths.

-- One credit of one issued invoice: an allowance (an amount and why) or
-- a return (lines of the invoice, their amounts at the order's price).
CREATE TABLE credits (
  id             INTEGER PRIMARY KEY,
  doc_id         INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  invoice_doc_id INTEGER NOT NULL REFERENCES documents(id),
  customer_id    INTEGER NOT NULL REFERENCES customers(id),
  basis          TEXT NOT NULL CHECK (basis IN ('allowance', 'return')),
  reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  total          INTEGER NOT NULL CHECK (total >= 0),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX credits_invoice ON credits(invoice_doc_id, doc_id);
CREATE INDEX credits_customer ON credits(customer_id, doc_id);

-- A returned part of one line of the original invoice. Never deleted; a
-- line taken out is marked removed.
CREATE TABLE credit_lines (
  id              INTEGER PRIMARY KEY,
  doc_id          INTEGER NOT NULL REFERENCES documents(id),
  line_no         INTEGER NOT NULL CHECK (line_no > 0),
  invoice_line_id INTEGER NOT NULL REFERENCES invoice_lines(id),
  qty             INTEGER NOT NULL CHECK (qty > 0 AND qty <= 1000000000),
  weight          INTEGER NOT NULL CHECK (weight >= 0 AND weight <= 1000000000),
  amount          INTEGER NOT NULL CHECK (amount >= 0),
  removed         INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (doc_id, invoice_line_id)
);
CREATE INDEX credit_lines_invoice_line ON credit_lines(invoice_line_id);

-- Credits in play (not void) against each invoice.
CREATE VIEW invoice_credited AS
SELECT c.invoice_doc_id, sum(c.total) AS credited
  FROM credits c JOIN documents d ON d.id = c.doc_id
 WHERE d.status <> 'void' GROUP BY c.invoice_doc_id;

-- A credit is of an issued invoice of its customer, and never more than
-- the invoice less the other credits in play against it.
CREATE TRIGGER credits_guard_i BEFORE INSERT ON credits
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_open')
   WHERE NOT EXISTS (SELECT 1 FROM invoices i JOIN documents d ON d.id = i.doc_id
                      WHERE i.doc_id = NEW.invoice_doc_id AND d.kind = 'invoice' AND d.status IN ('issued', 'mailed')
                        AND i.customer_id = NEW.customer_id);
  SELECT RAISE(ABORT, 'orderdesk:over_credited')
   WHERE NEW.total > (SELECT amount FROM invoice_issues WHERE invoice_doc_id = NEW.invoice_doc_id)
         - coalesce((SELECT credited FROM invoice_credited WHERE invoice_doc_id = NEW.invoice_doc_id), 0);
END;
CREATE TRIGGER credits_guard_u BEFORE UPDATE ON credits
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:fixed_field')
   WHERE NEW.invoice_doc_id IS NOT OLD.invoice_doc_id OR NEW.customer_id IS NOT OLD.customer_id OR NEW.basis IS NOT OLD.basis;
  SELECT RAISE(ABORT, 'orderdesk:over_credited')
   WHERE NEW.total > (SELECT amount FROM invoice_issues WHERE invoice_doc_id = NEW.invoice_doc_id)
         - (SELECT coalesce(sum(c.total), 0) FROM credits c JOIN documents d ON d.id = c.doc_id
             WHERE c.invoice_doc_id = NEW.invoice_doc_id AND d.status <> 'void' AND c.doc_id <> OLD.doc_id);
END;

-- A returned line is a line of the credit's invoice, of a return; never
-- more than the line invoiced less what other credits in play return of
-- it; its amount at the order's price, as the invoice line's.
CREATE TRIGGER credit_lines_guard_i BEFORE INSERT ON credit_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:invalid_choice')
   WHERE NOT EXISTS (SELECT 1 FROM credits c JOIN invoice_lines il ON il.doc_id = c.invoice_doc_id
                      WHERE c.doc_id = NEW.doc_id AND c.basis = 'return' AND il.id = NEW.invoice_line_id AND il.removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:over_credited')
   WHERE NEW.removed = 0 AND (
         NEW.qty > (SELECT qty FROM invoice_lines WHERE id = NEW.invoice_line_id)
           - (SELECT coalesce(sum(cl.qty), 0) FROM credit_lines cl JOIN documents d ON d.id = cl.doc_id
               WHERE cl.invoice_line_id = NEW.invoice_line_id AND cl.removed = 0 AND d.status <> 'void')
      OR NEW.weight > (SELECT weight FROM invoice_lines WHERE id = NEW.invoice_line_id)
           - (SELECT coalesce(sum(cl.weight), 0) FROM credit_lines cl JOIN documents d ON d.id = cl.doc_id
               WHERE cl.invoice_line_id = NEW.invoice_line_id AND cl.removed = 0 AND d.status <> 'void'));
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.amount IS NOT (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM invoice_lines il JOIN order_lines l ON l.id = il.order_line_id WHERE il.id = NEW.invoice_line_id);
END;
CREATE TRIGGER credit_lines_guard_u BEFORE UPDATE ON credit_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:fixed_field')
   WHERE NEW.invoice_line_id IS NOT OLD.invoice_line_id OR NEW.doc_id IS NOT OLD.doc_id;
  SELECT RAISE(ABORT, 'orderdesk:over_credited')
   WHERE NEW.removed = 0 AND (
         NEW.qty > (SELECT qty FROM invoice_lines WHERE id = NEW.invoice_line_id)
           - (SELECT coalesce(sum(cl.qty), 0) FROM credit_lines cl JOIN documents d ON d.id = cl.doc_id
               WHERE cl.invoice_line_id = NEW.invoice_line_id AND cl.removed = 0 AND d.status <> 'void' AND cl.id <> OLD.id)
      OR NEW.weight > (SELECT weight FROM invoice_lines WHERE id = NEW.invoice_line_id)
           - (SELECT coalesce(sum(cl.weight), 0) FROM credit_lines cl JOIN documents d ON d.id = cl.doc_id
               WHERE cl.invoice_line_id = NEW.invoice_line_id AND cl.removed = 0 AND d.status <> 'void' AND cl.id <> OLD.id));
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.amount IS NOT (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM invoice_lines il JOIN order_lines l ON l.id = il.order_line_id WHERE il.id = NEW.invoice_line_id);
END;

-- Finance issues the credit (开具红字发票) with the number it gives, on a
-- day no earlier than the original's issue. As invoice_issues: written
-- by an active finance user as themself, never the maker; never changed.
CREATE TABLE credit_issues (
  id            INTEGER PRIMARY KEY,
  credit_doc_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  credit_no     TEXT NOT NULL UNIQUE CHECK (length(trim(credit_no)) > 0),
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  amount        INTEGER NOT NULL CHECK (amount > 0),
  issued_on     TEXT NOT NULL CHECK (length(issued_on) = 10),
  issued_by     INTEGER NOT NULL REFERENCES users(id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX credit_issues_customer ON credit_issues(customer_id, issued_on);
CREATE TRIGGER credit_issues_guard BEFORE INSERT ON credit_issues
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:finance_only')
   WHERE NEW.updated_by IS NOT NEW.issued_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.issued_by AND u.active = 1 AND instr(u.roles, ',finance,') > 0);
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents d JOIN credits c ON c.doc_id = d.id
                      WHERE d.id = NEW.credit_doc_id AND d.kind = 'credit' AND d.status = 'checked'
                        AND c.customer_id = NEW.customer_id AND c.total = NEW.amount);
  SELECT RAISE(ABORT, 'orderdesk:maker_cannot_sign')
   WHERE NEW.issued_by = (SELECT maker_id FROM documents WHERE id = NEW.credit_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:date_in_future')
   WHERE NEW.issued_on > date(NEW.created_at, '+1 day');
  SELECT RAISE(ABORT, 'orderdesk:date_before_issue')
   WHERE NEW.issued_on < (SELECT s.issued_on FROM credits c JOIN invoice_issues s ON s.invoice_doc_id = c.invoice_doc_id
                           WHERE c.doc_id = NEW.credit_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:invoice_no_form')
   WHERE NOT (typeof(NEW.credit_no) = 'text' AND (
         (length(NEW.credit_no) = 20 AND NEW.credit_no NOT GLOB '*[^0-9]*')
      OR (length(NEW.credit_no) IN (19, 21) AND substr(NEW.credit_no, -9, 1) = '-'
          AND replace(NEW.credit_no, '-', '') NOT GLOB '*[^0-9]*'
          AND length(replace(NEW.credit_no, '-', '')) = length(NEW.credit_no) - 1)));
  SELECT RAISE(ABORT, 'orderdesk:number_taken')
   WHERE EXISTS (SELECT 1 FROM invoice_issues WHERE invoice_no = NEW.credit_no);
END;
CREATE TRIGGER credit_issues_no_update BEFORE UPDATE ON credit_issues
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
-- Invoices and credits draw on one pool of numbers.
CREATE TRIGGER invoice_issues_not_credit_no BEFORE INSERT ON invoice_issues
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:number_taken')
   WHERE EXISTS (SELECT 1 FROM credit_issues WHERE credit_no = NEW.invoice_no);
END;

-- What an issued credit settles of an invoice of its customer. Positive
-- rows are finance's (the issue's own, to the original, is written by
-- the workflow in the issue's transaction): to an issued invoice, never
-- beyond its open amount (receipts' and credits' settlements both
-- counted) nor the credit's unallocated amount, dated no earlier than
-- either's issue. Negative rows give back what a credit or an invoice
-- voided held (triggers below). Never changed.
CREATE TABLE credit_allocations (
  id             INTEGER PRIMARY KEY,
  credit_doc_id  INTEGER NOT NULL REFERENCES documents(id),
  invoice_doc_id INTEGER NOT NULL REFERENCES documents(id),
  amount         INTEGER NOT NULL CHECK (amount <> 0),
  allocated_on   TEXT NOT NULL CHECK (length(allocated_on) = 10),
  allocated_by   INTEGER NOT NULL REFERENCES users(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX credit_allocations_credit ON credit_allocations(credit_doc_id);
CREATE INDEX credit_allocations_invoice ON credit_allocations(invoice_doc_id);
CREATE INDEX credit_allocations_day ON credit_allocations(allocated_on);

-- Everything that settles an invoice: receipts' allocations and credits'.
CREATE VIEW settlements AS
SELECT invoice_doc_id, amount, allocated_on FROM allocations
UNION ALL
SELECT invoice_doc_id, amount, allocated_on FROM credit_allocations;

CREATE TRIGGER credit_allocations_guard BEFORE INSERT ON credit_allocations
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:finance_only')
   WHERE NEW.amount > 0 AND (NEW.updated_by IS NOT NEW.allocated_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.allocated_by AND u.active = 1 AND instr(u.roles, ',finance,') > 0));
  SELECT RAISE(ABORT, 'orderdesk:not_open')
   WHERE NEW.amount > 0 AND NOT EXISTS (
     SELECT 1 FROM documents d JOIN invoices i ON i.doc_id = d.id JOIN credits c ON c.doc_id = NEW.credit_doc_id
       JOIN documents cd ON cd.id = c.doc_id
      WHERE d.id = NEW.invoice_doc_id AND d.kind = 'invoice' AND d.status IN ('issued', 'mailed')
        AND cd.status = 'issued' AND i.customer_id = c.customer_id);
  SELECT RAISE(ABORT, 'orderdesk:over_allocated')
   WHERE NEW.amount > 0 AND NEW.amount > (SELECT total FROM invoices WHERE doc_id = NEW.invoice_doc_id)
         - (SELECT coalesce(sum(amount), 0) FROM settlements WHERE invoice_doc_id = NEW.invoice_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:receipt_exhausted')
   WHERE NEW.amount > 0 AND NEW.amount > (SELECT total FROM credits WHERE doc_id = NEW.credit_doc_id)
         - (SELECT coalesce(sum(amount), 0) FROM credit_allocations WHERE credit_doc_id = NEW.credit_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:date_in_future')
   WHERE NEW.allocated_on > date(NEW.created_at, '+1 day');
  SELECT RAISE(ABORT, 'orderdesk:date_before_issue')
   WHERE NEW.amount > 0 AND (NEW.allocated_on < (SELECT issued_on FROM credit_issues WHERE credit_doc_id = NEW.credit_doc_id)
      OR NEW.allocated_on < (SELECT issued_on FROM invoice_issues WHERE invoice_doc_id = NEW.invoice_doc_id));
  SELECT RAISE(ABORT, 'orderdesk:over_allocated')
   WHERE NEW.amount < 0 AND (
         NOT EXISTS (SELECT 1 FROM transitions t
                      WHERE t.to_status = 'void' AND t.id IN ((SELECT max(id) FROM transitions WHERE doc_id = NEW.invoice_doc_id),
                                                              (SELECT max(id) FROM transitions WHERE doc_id = NEW.credit_doc_id)))
      OR -NEW.amount > (SELECT coalesce(sum(amount), 0) FROM credit_allocations
                         WHERE credit_doc_id = NEW.credit_doc_id AND invoice_doc_id = NEW.invoice_doc_id));
END;
CREATE TRIGGER credit_allocations_no_update BEFORE UPDATE ON credit_allocations
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- A receipt's allocation counts what credits settled of the invoice too.
CREATE TRIGGER allocations_credit_guard BEFORE INSERT ON allocations
WHEN NEW.amount > 0 AND EXISTS (SELECT 1 FROM credit_allocations WHERE invoice_doc_id = NEW.invoice_doc_id)
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:over_allocated')
   WHERE NEW.amount > (SELECT total FROM invoices WHERE doc_id = NEW.invoice_doc_id)
         - (SELECT coalesce(sum(amount), 0) FROM settlements WHERE invoice_doc_id = NEW.invoice_doc_id);
END;

-- Status changes a credit takes only with what they need in place; an
-- invoice with credits in play against it is voided only after them.
CREATE TRIGGER credit_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'credit'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:no_lines')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve')
     AND (SELECT basis FROM credits WHERE doc_id = NEW.doc_id) = 'return'
     AND NOT EXISTS (SELECT 1 FROM credit_lines WHERE doc_id = NEW.doc_id AND removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve') AND (
         (SELECT total FROM credits WHERE doc_id = NEW.doc_id) <= 0
      OR ((SELECT basis FROM credits WHERE doc_id = NEW.doc_id) = 'return'
          AND (SELECT total FROM credits WHERE doc_id = NEW.doc_id)
              IS NOT (SELECT coalesce(sum(amount), 0) FROM credit_lines WHERE doc_id = NEW.doc_id AND removed = 0)));
  SELECT RAISE(ABORT, 'orderdesk:not_open')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve', 'issue') AND NOT EXISTS (
     SELECT 1 FROM credits c JOIN documents d ON d.id = c.invoice_doc_id
      WHERE c.doc_id = NEW.doc_id AND d.status IN ('issued', 'mailed'));
  SELECT RAISE(ABORT, 'orderdesk:issue_missing')
   WHERE NEW.action = 'issue' AND NOT EXISTS (
     SELECT 1 FROM credit_issues WHERE credit_doc_id = NEW.doc_id AND issued_by = NEW.actor_id);
  SELECT RAISE(ABORT, 'orderdesk:comment_required')
   WHERE NEW.action = 'void' AND length(trim(NEW.comment)) = 0;
END;
CREATE TRIGGER invoice_credit_void_guard BEFORE INSERT ON transitions
WHEN NEW.action = 'void' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'invoice'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:credited')
   WHERE EXISTS (SELECT 1 FROM credits c JOIN documents d ON d.id = c.doc_id
                  WHERE c.invoice_doc_id = NEW.doc_id AND d.status <> 'void');
END;

-- A void credit, or a void invoice another invoice's credit settled,
-- gives back what was settled: one reversal per pair.
CREATE TRIGGER credit_void_reversals AFTER INSERT ON transitions
WHEN NEW.action = 'void' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) IN ('credit', 'invoice')
BEGIN
  INSERT INTO credit_allocations(credit_doc_id, invoice_doc_id, amount, allocated_on, allocated_by, created_at, updated_at, updated_by)
  SELECT credit_doc_id, invoice_doc_id, -sum(amount), substr(NEW.at, 1, 10), NEW.actor_id, NEW.at, NEW.at, NEW.actor_id
    FROM credit_allocations WHERE credit_doc_id = NEW.doc_id OR invoice_doc_id = NEW.doc_id
   GROUP BY credit_doc_id, invoice_doc_id HAVING sum(amount) > 0;
END;

-- The ledger: an issued credit is a negative invoice of its issue month,
-- off what shipped and what was invoiced; voided, it leaves the month.
CREATE TRIGGER ledger_credit AFTER INSERT ON credit_issues
BEGIN
  INSERT OR IGNORE INTO ledger_months(customer_id, month) VALUES (NEW.customer_id, substr(NEW.issued_on, 1, 7));
  UPDATE ledger_months SET shipped = shipped - NEW.amount, invoiced = invoiced - NEW.amount
   WHERE customer_id = NEW.customer_id AND month = substr(NEW.issued_on, 1, 7);
END;
CREATE TRIGGER ledger_credit_void AFTER UPDATE OF status ON documents
WHEN NEW.status = 'void' AND OLD.status <> 'void' AND NEW.kind = 'credit'
BEGIN
  UPDATE ledger_months SET shipped = shipped + (SELECT amount FROM credit_issues WHERE credit_doc_id = NEW.id),
                           invoiced = invoiced + (SELECT amount FROM credit_issues WHERE credit_doc_id = NEW.id)
   WHERE EXISTS (SELECT 1 FROM credit_issues s WHERE s.credit_doc_id = NEW.id
                  AND s.customer_id = ledger_months.customer_id AND substr(s.issued_on, 1, 7) = ledger_months.month);
END;

-- What the ladder and the ageing read moves with what credits settle; a
-- reversal reopens an invoice still live (a void one stays closed).
CREATE TRIGGER receivable_open_credit AFTER INSERT ON credit_allocations
BEGIN
  UPDATE receivable_open SET open = open - NEW.amount WHERE invoice_doc_id = NEW.invoice_doc_id AND void = 0;
END;

-- 0015's invoice_balances with credits' settlements counted as allocated.
DROP VIEW invoice_balances;
CREATE VIEW invoice_balances AS
SELECT s.invoice_doc_id, s.customer_id, i.order_doc_id, s.invoice_no, s.issued_on, s.due_on, s.amount AS total,
       coalesce((SELECT sum(a.amount) FROM settlements a WHERE a.invoice_doc_id = s.invoice_doc_id), 0) AS allocated,
       s.amount - coalesce((SELECT sum(a.amount) FROM settlements a WHERE a.invoice_doc_id = s.invoice_doc_id), 0) AS open
  FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id JOIN invoices i ON i.doc_id = s.invoice_doc_id
 WHERE d.status IN ('issued', 'mailed')
UNION ALL
SELECT o.batch_doc_id, o.customer_id, NULL, '', o.as_of, o.as_of, o.amount, o.allocated, o.amount - o.allocated
  FROM opening_open o;

-- Issued credits not void, with what they settled and what is on account.
CREATE VIEW credit_balances AS
SELECT s.credit_doc_id, s.customer_id, c.invoice_doc_id, s.credit_no, s.issued_on, s.amount AS total,
       coalesce((SELECT sum(a.amount) FROM credit_allocations a WHERE a.credit_doc_id = s.credit_doc_id), 0) AS allocated
  FROM credit_issues s JOIN documents d ON d.id = s.credit_doc_id JOIN credits c ON c.doc_id = s.credit_doc_id
 WHERE d.status = 'issued';

-- 0009's exposure with credits: invoiced is net of issued credits, so
-- uninvoiced + invoiced − paid is still what the customer owes; the
-- invoices' open amounts (the gate's overdue check) are net of what
-- credits settled. credited and credit_allocated say how much.
DROP VIEW customer_receivables;
CREATE VIEW customer_receivables AS
SELECT c.id AS customer_id,
       (SELECT coalesce(sum(r.amount), 0) FROM release_billed r JOIN documents d ON d.id = r.note_doc_id
         WHERE r.customer_id = c.id AND d.status <> 'void') AS shipped,
       (SELECT coalesce(sum(p.amount), 0) FROM receipts p WHERE p.customer_id = c.id) AS paid,
       (SELECT coalesce(sum(b.total), 0) FROM invoice_balances b WHERE b.customer_id = c.id)
         - (SELECT coalesce(sum(x.total), 0) FROM credit_balances x WHERE x.customer_id = c.id) AS invoiced,
       (SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN receipts p ON p.id = a.receipt_id WHERE p.customer_id = c.id) AS allocated,
       (SELECT coalesce(sum(u.amount), 0) FROM note_uninvoiced u WHERE u.customer_id = c.id) AS uninvoiced,
       (SELECT coalesce(sum(x.total), 0) FROM credit_balances x WHERE x.customer_id = c.id) AS credited,
       (SELECT coalesce(sum(x.allocated), 0) FROM credit_balances x WHERE x.customer_id = c.id) AS credit_allocated
  FROM customers c;
