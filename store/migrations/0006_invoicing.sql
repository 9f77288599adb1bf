-- Invoicing (开票) and payments (回款): invoice requests raised from
-- shipped quantities, checked by a second person against the order
-- (开票双人复核), issued by finance with the number it gives, mailed by
-- the desk; receipts recorded by finance and allocated to invoices.
-- Money is INTEGER fen; quantities INTEGER thousandths of their unit;
-- weights INTEGER thousandths of a tonne (kg); days 'YYYY-MM-DD'.
-- invoices and invoice_lines are document content (doc_id): edits only in
-- an editable state (audit_triggers.go). What happens after the check
-- (issue, mailing, allocations) is written to append-only tables.
--
-- The books: every yuan received is a receipts row (finance's payment
-- confirmations of shipping create theirs, by trigger); it is either
-- allocated to invoices (allocations) or on account. So, per customer,
-- received = allocated + on account, and an invoice's open amount is its
-- total less what is allocated to it. A void invoice gives its
-- allocations back to their receipts (reversal rows, by trigger).

-- One invoice (销售专用发票) of one order, from its shipped quantities.
CREATE TABLE invoices (
  id           INTEGER PRIMARY KEY,
  doc_id       INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  order_doc_id INTEGER NOT NULL REFERENCES documents(id),
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  total        INTEGER NOT NULL DEFAULT 0 CHECK (total >= 0),
  notes        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX invoices_order ON invoices(order_doc_id, doc_id);
CREATE INDEX invoices_customer ON invoices(customer_id, doc_id);

-- A line invoices part of what a delivery line shipped (what the
-- warehouse loaded): a quantity, its weight and the amount at the order's
-- price (price × basis, rounded half up to the fen). Never deleted; a
-- line taken out is marked removed.
CREATE TABLE invoice_lines (
  id               INTEGER PRIMARY KEY,
  doc_id           INTEGER NOT NULL REFERENCES documents(id),
  line_no          INTEGER NOT NULL CHECK (line_no > 0),
  delivery_line_id INTEGER NOT NULL REFERENCES delivery_lines(id),
  order_line_id    INTEGER NOT NULL REFERENCES order_lines(id),
  qty              INTEGER NOT NULL CHECK (qty > 0 AND qty <= 1000000000),
  weight           INTEGER NOT NULL CHECK (weight >= 0 AND weight <= 1000000000),
  amount           INTEGER NOT NULL CHECK (amount >= 0),
  removed          INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (doc_id, delivery_line_id)
);
CREATE INDEX invoice_lines_delivery_line ON invoice_lines(delivery_line_id);
CREATE INDEX invoice_lines_order_line ON invoice_lines(order_line_id);

CREATE TRIGGER invoices_insert_guard BEFORE INSERT ON invoices
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:customer_mismatch')
   WHERE NOT EXISTS (SELECT 1 FROM orders WHERE doc_id = NEW.order_doc_id AND customer_id = NEW.customer_id);
END;
CREATE TRIGGER invoices_fixed BEFORE UPDATE OF order_doc_id, customer_id ON invoices
WHEN NEW.order_doc_id IS NOT OLD.order_doc_id OR NEW.customer_id IS NOT OLD.customer_id
BEGIN SELECT RAISE(ABORT, 'orderdesk:fixed_field'); END;

-- A line belongs to a shipped note (in transit or delivered) of its
-- invoice's order, never invoices more than the line shipped less what
-- other invoices in play (not void) hold, and its amount is the order's
-- price times its basis.
CREATE TRIGGER invoice_lines_guard_i BEFORE INSERT ON invoice_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:line_not_shipped')
   WHERE NOT EXISTS (SELECT 1 FROM delivery_lines dl JOIN delivery_notes n ON n.doc_id = dl.doc_id
                      JOIN documents nd ON nd.id = n.doc_id JOIN invoices i ON i.order_doc_id = n.order_doc_id
                      WHERE dl.id = NEW.delivery_line_id AND i.doc_id = NEW.doc_id AND dl.removed = 0
                        AND dl.order_line_id = NEW.order_line_id AND nd.status IN ('in_transit', 'delivered'));
  SELECT RAISE(ABORT, 'orderdesk:over_invoiced')
   WHERE NEW.removed = 0 AND (
         NEW.qty > (SELECT coalesce(x.qty, dl.qty) FROM delivery_lines dl LEFT JOIN delivery_loads x ON x.delivery_line_id = dl.id WHERE dl.id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(il.qty), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
               WHERE il.delivery_line_id = NEW.delivery_line_id AND il.removed = 0 AND d.status <> 'void')
      OR NEW.weight > (SELECT coalesce(x.weight, dl.weight) FROM delivery_lines dl LEFT JOIN delivery_loads x ON x.delivery_line_id = dl.id WHERE dl.id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(il.weight), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
               WHERE il.delivery_line_id = NEW.delivery_line_id AND il.removed = 0 AND d.status <> 'void'));
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.amount IS NOT (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM order_lines l WHERE l.id = NEW.order_line_id);
END;
CREATE TRIGGER invoice_lines_guard_u BEFORE UPDATE ON invoice_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:fixed_field')
   WHERE NEW.delivery_line_id IS NOT OLD.delivery_line_id OR NEW.order_line_id IS NOT OLD.order_line_id;
  SELECT RAISE(ABORT, 'orderdesk:over_invoiced')
   WHERE NEW.removed = 0 AND (
         NEW.qty > (SELECT coalesce(x.qty, dl.qty) FROM delivery_lines dl LEFT JOIN delivery_loads x ON x.delivery_line_id = dl.id WHERE dl.id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(il.qty), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
               WHERE il.delivery_line_id = NEW.delivery_line_id AND il.removed = 0 AND d.status <> 'void' AND il.id <> OLD.id)
      OR NEW.weight > (SELECT coalesce(x.weight, dl.weight) FROM delivery_lines dl LEFT JOIN delivery_loads x ON x.delivery_line_id = dl.id WHERE dl.id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(il.weight), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
               WHERE il.delivery_line_id = NEW.delivery_line_id AND il.removed = 0 AND d.status <> 'void' AND il.id <> OLD.id));
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.amount IS NOT (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM order_lines l WHERE l.id = NEW.order_line_id);
END;

-- Finance issues the invoice (开具): the number it gives, the day, and the
-- day it falls due. Due dates follow the order's terms (the contract's,
-- 根据合同协议和结算方式): prepaid on the day of issue; monthly N days
-- (月结): N days after the end of the month of issue, since a month's
-- invoices settle together after the month-end reconciliation. Written
-- by an active finance user as themself, who neither made nor edited the
-- request; never changed.
CREATE TABLE invoice_issues (
  id             INTEGER PRIMARY KEY,
  invoice_doc_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  invoice_no     TEXT NOT NULL UNIQUE CHECK (length(trim(invoice_no)) > 0),
  customer_id    INTEGER NOT NULL REFERENCES customers(id),
  amount         INTEGER NOT NULL CHECK (amount >= 0),
  issued_on      TEXT NOT NULL CHECK (length(issued_on) = 10),
  due_on         TEXT NOT NULL CHECK (length(due_on) = 10),
  issued_by      INTEGER NOT NULL REFERENCES users(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX invoice_issues_customer ON invoice_issues(customer_id, due_on);
CREATE INDEX invoice_issues_issued ON invoice_issues(issued_on);
CREATE INDEX invoice_issues_due ON invoice_issues(due_on);
CREATE TRIGGER invoice_issues_guard BEFORE INSERT ON invoice_issues
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:finance_only')
   WHERE NEW.updated_by IS NOT NEW.issued_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.issued_by AND u.active = 1 AND instr(u.roles, ',finance,') > 0);
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents d JOIN invoices i ON i.doc_id = d.id
                      WHERE d.id = NEW.invoice_doc_id AND d.kind = 'invoice' AND d.status = 'checked'
                        AND i.customer_id = NEW.customer_id AND i.total = NEW.amount);
  SELECT RAISE(ABORT, 'orderdesk:maker_cannot_sign')
   WHERE NEW.issued_by = (SELECT maker_id FROM documents WHERE id = NEW.invoice_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:date_in_future')
   WHERE NEW.issued_on > date(NEW.created_at, '+1 day');
  SELECT RAISE(ABORT, 'orderdesk:fixed_field')
   WHERE NEW.due_on IS NOT (
     SELECT CASE o.payment_terms WHEN 'prepaid' THEN NEW.issued_on
            ELSE date(NEW.issued_on, 'start of month', '+1 month', '-1 day', '+' || o.terms_days || ' days') END
       FROM invoices i JOIN orders o ON o.doc_id = i.order_doc_id WHERE i.doc_id = NEW.invoice_doc_id);
END;
CREATE TRIGGER invoice_issues_no_update BEFORE UPDATE ON invoice_issues
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- The day the desk mailed the invoice to the customer (寄给客户), never
-- before its issue; never changed.
CREATE TABLE invoice_mailings (
  id             INTEGER PRIMARY KEY,
  invoice_doc_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  mailed_on      TEXT NOT NULL CHECK (length(mailed_on) = 10),
  tracking       TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES users(id)
);
CREATE TRIGGER invoice_mailings_guard BEFORE INSERT ON invoice_mailings
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.invoice_doc_id AND kind = 'invoice' AND status = 'issued');
  SELECT RAISE(ABORT, 'orderdesk:date_in_future')
   WHERE NEW.mailed_on > date(NEW.created_at, '+1 day');
  SELECT RAISE(ABORT, 'orderdesk:date_before_issue')
   WHERE NEW.mailed_on < (SELECT issued_on FROM invoice_issues WHERE invoice_doc_id = NEW.invoice_doc_id);
END;
CREATE TRIGGER invoice_mailings_no_update BEFORE UPDATE ON invoice_mailings
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Money received (收款): recorded by an active finance user as themself,
-- never dated in the future. order_doc_id earmarks a prepayment for one
-- order (先款后货): such a receipt is allocated only to that order's
-- invoices. A payment confirmation of shipping is a receipt too
-- (confirmation_id; trigger below), so this table is the one record of
-- money received. Never changed.
CREATE TABLE receipts (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER NOT NULL REFERENCES customers(id),
  received_on     TEXT NOT NULL CHECK (length(received_on) = 10),
  amount          INTEGER NOT NULL CHECK (amount > 0 AND amount <= 100000000000),
  method          TEXT NOT NULL CHECK (method IN ('bank', 'bill', 'cash', 'other')),  -- bill: 承兑汇票
  payer           TEXT NOT NULL DEFAULT '',
  reference       TEXT NOT NULL DEFAULT '',
  order_doc_id    INTEGER REFERENCES documents(id),
  confirmation_id INTEGER UNIQUE REFERENCES payment_confirmations(id),
  recorded_by     INTEGER NOT NULL REFERENCES users(id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX receipts_customer ON receipts(customer_id, received_on);
CREATE INDEX receipts_received ON receipts(received_on);
CREATE INDEX receipts_order ON receipts(order_doc_id) WHERE order_doc_id IS NOT NULL;
CREATE TRIGGER receipts_guard BEFORE INSERT ON receipts
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:finance_only')
   WHERE NEW.updated_by IS NOT NEW.recorded_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.recorded_by AND u.active = 1 AND instr(u.roles, ',finance,') > 0);
  SELECT RAISE(ABORT, 'orderdesk:date_in_future')
   WHERE NEW.received_on > date(NEW.created_at, '+1 day');
  SELECT RAISE(ABORT, 'orderdesk:customer_mismatch')
   WHERE NEW.order_doc_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM orders WHERE doc_id = NEW.order_doc_id AND customer_id = NEW.customer_id);
  SELECT RAISE(ABORT, 'orderdesk:customer_mismatch')
   WHERE NEW.confirmation_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM payment_confirmations p WHERE p.id = NEW.confirmation_id AND p.customer_id = NEW.customer_id
        AND p.order_doc_id IS NEW.order_doc_id AND p.amount = NEW.amount AND p.received_on = NEW.received_on);
END;
CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Finance's confirmation of a payment against an order is the receipt of
-- that money, earmarked for the order; shipping's free-text method is
-- kept in the reference.
CREATE TRIGGER payment_confirmations_receipt AFTER INSERT ON payment_confirmations
BEGIN
  INSERT INTO receipts(customer_id, received_on, amount, method, payer, reference, order_doc_id, confirmation_id,
                       recorded_by, created_at, updated_at, updated_by)
  VALUES (NEW.customer_id, NEW.received_on, NEW.amount,
          CASE WHEN NEW.method IN ('bank', 'bill', 'cash', 'other') THEN NEW.method
               WHEN instr(NEW.method, '承兑') > 0 THEN 'bill'
               WHEN instr(NEW.method, '现金') > 0 THEN 'cash'
               ELSE 'bank' END,
          (SELECT name FROM customers WHERE id = NEW.customer_id),
          trim(CASE WHEN NEW.method IN ('bank', 'bill', 'cash', 'other') THEN '' ELSE NEW.method END || ' ' || NEW.reference),
          NEW.order_doc_id, NEW.id, NEW.confirmed_by, NEW.created_at, NEW.updated_at, NEW.updated_by);
END;

-- A receipt's money put against an invoice, fully or in part. Positive
-- rows are finance's: to an issued invoice of the receipt's customer (of
-- the earmarked order, if any), never beyond the invoice's open amount
-- nor the receipt's unallocated amount, dated no earlier than either.
-- Negative rows are reversals, written when the invoice is voided
-- (trigger below; its latest transition is the void, whichever of the
-- transition's triggers runs first), never more than was allocated.
-- Never changed.
CREATE TABLE allocations (
  id             INTEGER PRIMARY KEY,
  receipt_id     INTEGER NOT NULL REFERENCES receipts(id),
  invoice_doc_id INTEGER NOT NULL REFERENCES documents(id),
  amount         INTEGER NOT NULL CHECK (amount <> 0),
  allocated_on   TEXT NOT NULL CHECK (length(allocated_on) = 10),
  allocated_by   INTEGER NOT NULL REFERENCES users(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX allocations_receipt ON allocations(receipt_id);
CREATE INDEX allocations_invoice ON allocations(invoice_doc_id);
CREATE INDEX allocations_day ON allocations(allocated_on);
CREATE TRIGGER allocations_guard BEFORE INSERT ON allocations
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:finance_only')
   WHERE NEW.amount > 0 AND (NEW.updated_by IS NOT NEW.allocated_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.allocated_by AND u.active = 1 AND instr(u.roles, ',finance,') > 0));
  SELECT RAISE(ABORT, 'orderdesk:not_open')
   WHERE NEW.amount > 0 AND NOT EXISTS (
     SELECT 1 FROM documents d JOIN invoices i ON i.doc_id = d.id JOIN receipts r ON r.id = NEW.receipt_id
      WHERE d.id = NEW.invoice_doc_id AND d.kind = 'invoice' AND d.status IN ('issued', 'mailed')
        AND i.customer_id = r.customer_id AND (r.order_doc_id IS NULL OR r.order_doc_id = i.order_doc_id));
  SELECT RAISE(ABORT, 'orderdesk:over_allocated')
   WHERE NEW.amount > 0 AND NEW.amount > (SELECT total FROM invoices WHERE doc_id = NEW.invoice_doc_id)
         - (SELECT coalesce(sum(amount), 0) FROM allocations WHERE invoice_doc_id = NEW.invoice_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:receipt_exhausted')
   WHERE NEW.amount > 0 AND NEW.amount > (SELECT amount FROM receipts WHERE id = NEW.receipt_id)
         - (SELECT coalesce(sum(amount), 0) FROM allocations WHERE receipt_id = NEW.receipt_id);
  SELECT RAISE(ABORT, 'orderdesk:date_in_future')
   WHERE NEW.allocated_on > date(NEW.created_at, '+1 day');
  SELECT RAISE(ABORT, 'orderdesk:date_before_issue')
   WHERE NEW.amount > 0 AND (NEW.allocated_on < (SELECT received_on FROM receipts WHERE id = NEW.receipt_id)
      OR NEW.allocated_on < (SELECT issued_on FROM invoice_issues WHERE invoice_doc_id = NEW.invoice_doc_id));
  SELECT RAISE(ABORT, 'orderdesk:over_allocated')
   WHERE NEW.amount < 0 AND (
         NOT EXISTS (SELECT 1 FROM transitions t JOIN documents d ON d.id = t.doc_id
                      WHERE t.id = (SELECT max(id) FROM transitions WHERE doc_id = NEW.invoice_doc_id)
                        AND d.kind = 'invoice' AND t.to_status = 'void')
      OR -NEW.amount > (SELECT coalesce(sum(amount), 0) FROM allocations WHERE receipt_id = NEW.receipt_id AND invoice_doc_id = NEW.invoice_doc_id));
END;
CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Status changes an invoice takes only with what they need in place.
CREATE TRIGGER invoice_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'invoice'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:no_lines')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve')
     AND NOT EXISTS (SELECT 1 FROM invoice_lines WHERE doc_id = NEW.doc_id AND removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve')
     AND (SELECT total FROM invoices WHERE doc_id = NEW.doc_id)
         IS NOT (SELECT coalesce(sum(amount), 0) FROM invoice_lines WHERE doc_id = NEW.doc_id AND removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:issue_missing')
   WHERE NEW.action = 'issue' AND NOT EXISTS (
     SELECT 1 FROM invoice_issues WHERE invoice_doc_id = NEW.doc_id AND issued_by = NEW.actor_id);
  SELECT RAISE(ABORT, 'orderdesk:mailing_missing')
   WHERE NEW.action = 'mail' AND NOT EXISTS (SELECT 1 FROM invoice_mailings WHERE invoice_doc_id = NEW.doc_id);
  SELECT RAISE(ABORT, 'orderdesk:comment_required')
   WHERE NEW.action = 'void' AND length(trim(NEW.comment)) = 0;
END;

-- A void invoice gives back what was allocated to it: one reversal per
-- receipt, so the money is on account again and never disappears.
CREATE TRIGGER invoice_void_reversals AFTER INSERT ON transitions
WHEN NEW.action = 'void' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'invoice'
BEGIN
  INSERT INTO allocations(receipt_id, invoice_doc_id, amount, allocated_on, allocated_by, created_at, updated_at, updated_by)
  SELECT receipt_id, invoice_doc_id, -sum(amount), substr(NEW.at, 1, 10), NEW.actor_id, NEW.at, NEW.at, NEW.actor_id
    FROM allocations WHERE invoice_doc_id = NEW.doc_id GROUP BY receipt_id HAVING sum(amount) > 0;
END;

-- Issued invoices not void, with what is allocated to them and what is
-- open (total − allocated).
CREATE VIEW invoice_balances AS
SELECT s.invoice_doc_id, s.customer_id, i.order_doc_id, s.invoice_no, s.issued_on, s.due_on, s.amount AS total,
       coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.invoice_doc_id = s.invoice_doc_id), 0) AS allocated,
       s.amount - coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.invoice_doc_id = s.invoice_doc_id), 0) AS open
  FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id JOIN invoices i ON i.doc_id = s.invoice_doc_id
 WHERE d.status IN ('issued', 'mailed');

-- Released notes not void with the value of their kept lines no issued
-- invoice covers yet (per line, never below nothing), and their due day.
CREATE VIEW note_uninvoiced AS
SELECT r.note_doc_id, r.customer_id, r.order_doc_id, r.due_on,
       (SELECT coalesce(sum(max(dl.amount - coalesce((SELECT sum(il.amount) FROM invoice_lines il
                                                        JOIN documents idoc ON idoc.id = il.doc_id
                                                       WHERE il.delivery_line_id = dl.id AND il.removed = 0
                                                         AND idoc.status IN ('issued', 'mailed')), 0), 0)), 0)
          FROM delivery_lines dl WHERE dl.doc_id = r.note_doc_id AND dl.removed = 0) AS amount
  FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
 WHERE d.status <> 'void';

-- A customer's receivable exposure, as issue 6 left the hook for it: what
-- shipped and is not invoiced yet, plus issued invoices, less everything
-- received. shipped and paid keep their names (the released notes' value
-- and all money received); invoiced, allocated and uninvoiced join them.
-- exposure = uninvoiced + invoiced − paid
--          = uninvoiced + open invoices − money on account.
DROP VIEW customer_receivables;
CREATE VIEW customer_receivables AS
SELECT c.id AS customer_id,
       (SELECT coalesce(sum(r.amount), 0) FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
         WHERE r.customer_id = c.id AND d.status <> 'void') AS shipped,
       (SELECT coalesce(sum(p.amount), 0) FROM receipts p WHERE p.customer_id = c.id) AS paid,
       (SELECT coalesce(sum(b.total), 0) FROM invoice_balances b WHERE b.customer_id = c.id) AS invoiced,
       (SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN receipts p ON p.id = a.receipt_id WHERE p.customer_id = c.id) AS allocated,
       (SELECT coalesce(sum(u.amount), 0) FROM note_uninvoiced u WHERE u.customer_id = c.id) AS uninvoiced
  FROM customers c;

-- The release guard of 0005 with the monthly customer's check on the new
-- exposure: within credit (uninvoiced + invoiced − received) and nothing
-- more than shipping.overdue_days past due, where what is due is the
-- open part of issued invoices (by their due day) and the uninvoiced part
-- of notes (by the note's due day), less money on account.
DROP TRIGGER delivery_releases_guard;
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
  SELECT RAISE(ABORT, 'orderdesk:payment_missing')
   WHERE NEW.basis = 'prepaid' AND (
         (SELECT payment_terms FROM orders WHERE doc_id = NEW.order_doc_id) IS NOT 'prepaid'
      OR (SELECT coalesce(sum(amount), 0) FROM payment_confirmations WHERE order_doc_id = NEW.order_doc_id)
         < NEW.amount + (SELECT coalesce(sum(r.amount), 0) FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
                          WHERE r.order_doc_id = NEW.order_doc_id AND d.status <> 'void'));
  SELECT RAISE(ABORT, 'orderdesk:needs_finance')
   WHERE NEW.basis = 'terms' AND (
         (SELECT payment_terms FROM orders WHERE doc_id = NEW.order_doc_id) IS NOT 'monthly'
      OR (SELECT uninvoiced + invoiced - paid FROM customer_receivables WHERE customer_id = NEW.customer_id) + NEW.amount
         > (SELECT credit_limit FROM customers WHERE id = NEW.customer_id)
      OR (SELECT coalesce(sum(u.amount), 0) FROM note_uninvoiced u
           WHERE u.customer_id = NEW.customer_id
             AND u.due_on < date(NEW.released_on, '-' || coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'shipping.overdue_days'), 30) || ' days'))
       + (SELECT coalesce(sum(b.open), 0) FROM invoice_balances b
           WHERE b.customer_id = NEW.customer_id
             AND b.due_on < date(NEW.released_on, '-' || coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'shipping.overdue_days'), 30) || ' days'))
         > (SELECT paid - allocated FROM customer_receivables WHERE customer_id = NEW.customer_id));
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
