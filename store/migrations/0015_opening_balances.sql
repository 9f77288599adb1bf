-- An opening balance (期初余额) is an open item like an issued invoice:
-- receipts are allocated to it (allocations.invoice_doc_id names the
-- balances batch; the receipt's customer names which of its balances,
-- a customer having at most one), what is allocated lowers what is open
-- on it, and the ladder, the ageing and the collection plan list it.
-- So it moves out of note_uninvoiced (back to 0009's) into
-- invoice_balances, the open items the exposure and the gate read: the
-- exposure (uninvoiced + invoiced − paid) and the gate's overdue check
-- (open items past due less money on account) come out as before, now
-- with allocations to it counted as allocated, not on account.
-- customer_receivables (0009's) reads the two views by name and stays.
DROP VIEW note_uninvoiced;
DROP VIEW invoice_balances;
CREATE VIEW note_uninvoiced AS
SELECT r.note_doc_id, r.customer_id, r.order_doc_id, r.due_on,
       (SELECT coalesce(sum(max(b.amount - coalesce((SELECT sum(il.amount) FROM invoice_lines il
                                                       JOIN documents idoc ON idoc.id = il.doc_id
                                                      WHERE il.delivery_line_id = b.id AND il.removed = 0
                                                        AND idoc.status IN ('issued', 'mailed')), 0), 0)), 0)
          FROM delivery_line_billed b WHERE b.doc_id = r.note_doc_id AND b.removed = 0) AS amount
  FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
 WHERE d.status <> 'void';

-- What is allocated to each opening balance.
CREATE VIEW opening_open AS
SELECT o.id, o.customer_id, o.batch_doc_id, o.as_of, o.amount,
       coalesce((SELECT sum(a.amount) FROM allocations a JOIN receipts p ON p.id = a.receipt_id
                  WHERE a.invoice_doc_id = o.batch_doc_id AND p.customer_id = o.customer_id), 0) AS allocated
  FROM opening_balances o;

-- Issued invoices not void and opening balances (invoice_no '', issued
-- and due on the cut-over day), with what is allocated and what is open.
CREATE VIEW invoice_balances AS
SELECT s.invoice_doc_id, s.customer_id, i.order_doc_id, s.invoice_no, s.issued_on, s.due_on, s.amount AS total,
       coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.invoice_doc_id = s.invoice_doc_id), 0) AS allocated,
       s.amount - coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.invoice_doc_id = s.invoice_doc_id), 0) AS open
  FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id JOIN invoices i ON i.doc_id = s.invoice_doc_id
 WHERE d.status IN ('issued', 'mailed')
UNION ALL
SELECT o.batch_doc_id, o.customer_id, NULL, '', o.as_of, o.as_of, o.amount, o.allocated, o.amount - o.allocated
  FROM opening_open o;

-- 0006's guard, with the opening balance as a target: a receipt not
-- earmarked for an order may go against its customer's opening balance
-- (named by the balances batch), never beyond what is open on it, dated
-- no earlier than the cut-over day nor the receipt.
DROP TRIGGER allocations_guard;
CREATE TRIGGER allocations_guard BEFORE INSERT ON allocations
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:finance_only')
   WHERE NEW.amount > 0 AND (NEW.updated_by IS NOT NEW.allocated_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.allocated_by AND u.active = 1 AND instr(u.roles, ',finance,') > 0));
  SELECT RAISE(ABORT, 'orderdesk:not_open')
   WHERE NEW.amount > 0 AND NOT EXISTS (
     SELECT 1 FROM documents d JOIN invoices i ON i.doc_id = d.id JOIN receipts r ON r.id = NEW.receipt_id
      WHERE d.id = NEW.invoice_doc_id AND d.kind = 'invoice' AND d.status IN ('issued', 'mailed')
        AND i.customer_id = r.customer_id AND (r.order_doc_id IS NULL OR r.order_doc_id = i.order_doc_id))
   AND NOT EXISTS (
     SELECT 1 FROM opening_balances o JOIN receipts r ON r.id = NEW.receipt_id
      WHERE o.batch_doc_id = NEW.invoice_doc_id AND o.customer_id = r.customer_id AND r.order_doc_id IS NULL);
  SELECT RAISE(ABORT, 'orderdesk:over_allocated')
   WHERE NEW.amount > 0 AND NEW.amount > (SELECT total FROM invoices WHERE doc_id = NEW.invoice_doc_id)
         - (SELECT coalesce(sum(amount), 0) FROM allocations WHERE invoice_doc_id = NEW.invoice_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:over_allocated')
   WHERE NEW.amount > 0 AND NEW.amount > (SELECT o.amount - o.allocated FROM opening_open o JOIN receipts r ON r.customer_id = o.customer_id
                                           WHERE r.id = NEW.receipt_id AND o.batch_doc_id = NEW.invoice_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:receipt_exhausted')
   WHERE NEW.amount > 0 AND NEW.amount > (SELECT amount FROM receipts WHERE id = NEW.receipt_id)
         - (SELECT coalesce(sum(amount), 0) FROM allocations WHERE receipt_id = NEW.receipt_id);
  SELECT RAISE(ABORT, 'orderdesk:date_in_future')
   WHERE NEW.allocated_on > date(NEW.created_at, '+1 day');
  SELECT RAISE(ABORT, 'orderdesk:date_before_issue')
   WHERE NEW.amount > 0 AND (NEW.allocated_on < (SELECT received_on FROM receipts WHERE id = NEW.receipt_id)
      OR NEW.allocated_on < (SELECT issued_on FROM invoice_issues WHERE invoice_doc_id = NEW.invoice_doc_id)
      OR NEW.allocated_on < (SELECT o.as_of FROM opening_balances o JOIN receipts r ON r.customer_id = o.customer_id
                              WHERE r.id = NEW.receipt_id AND o.batch_doc_id = NEW.invoice_doc_id));
  SELECT RAISE(ABORT, 'orderdesk:over_allocated')
   WHERE NEW.amount < 0 AND (
         NOT EXISTS (SELECT 1 FROM transitions t JOIN documents d ON d.id = t.doc_id
                      WHERE t.id = (SELECT max(id) FROM transitions WHERE doc_id = NEW.invoice_doc_id)
                        AND d.kind = 'invoice' AND t.to_status = 'void')
      OR -NEW.amount > (SELECT coalesce(sum(amount), 0) FROM allocations WHERE receipt_id = NEW.receipt_id AND invoice_doc_id = NEW.invoice_doc_id));
END;
