-- One weighing basis (计重方式) through the chain. Steel is sold by
-- theoretical weight (理计, 'theoretical') or by the weighbridge's figure
-- at loading (磅计 / 过磅, 'weighed'); the contract says which. Whatever
-- it is, the payment gate, the ledger's shipped figure, the invoice, the
-- statement of account and the collections count the same weight for the
-- same delivery line: delivery_line_billed below, the one place that
-- picks it, and release_billed, what a released note bills.

-- The contract's basis. Orders made before this were invoiced on the
-- loaded weight, which an issued invoice keeps: they are 'weighed', and
-- the ledger below is restated to agree with their invoices. New orders
-- always name theirs (the customer file's, else orders.weighing).
ALTER TABLE orders ADD COLUMN weighing TEXT NOT NULL DEFAULT 'weighed' CHECK (weighing IN ('theoretical', 'weighed'));

-- The customer's usual basis; '' takes the desk's (orders.weighing).
ALTER TABLE customers ADD COLUMN weighing TEXT NOT NULL DEFAULT '' CHECK (weighing IN ('', 'theoretical', 'weighed'));

-- What a delivery line bills: before loading, the note's quantity,
-- weight and amount. Once loaded, the quantity loaded, and the weight of
-- the contract's basis: on 'weighed' the loaded weight; on 'theoretical'
-- the note's weight for the pieces loaded (the note's own when the count
-- agrees, else in proportion, rounded half up to the kg). The amount is
-- the order's price times that weight or quantity, rounded half up to
-- the fen, as every line's. note_amount is the note's own amount.
CREATE VIEW delivery_line_billed AS
SELECT id, doc_id, order_line_id, removed, qty, weight, note_amount,
       CASE WHEN loaded AND price IS NOT NULL
            THEN (price * CASE price_basis WHEN 'weight' THEN weight ELSE qty END + 500) / 1000
            ELSE note_amount END AS amount
  FROM (SELECT dl.id, dl.doc_id, dl.order_line_id, dl.removed, dl.amount AS note_amount, l.price, l.price_basis,
               x.id IS NOT NULL AS loaded,
               coalesce(x.qty, dl.qty) AS qty,
               CASE WHEN x.id IS NULL THEN dl.weight
                    WHEN o.weighing = 'weighed' THEN x.weight
                    WHEN x.qty = dl.qty THEN dl.weight
                    ELSE (2 * dl.weight * x.qty + dl.qty) / (2 * dl.qty) END AS weight
          FROM delivery_lines dl JOIN order_lines l ON l.id = dl.order_line_id JOIN orders o ON o.doc_id = l.doc_id
          LEFT JOIN delivery_loads x ON x.delivery_line_id = dl.id);

-- What a released note bills: its amount at release (the note's; nothing
-- is loaded before), moved by what loading changed on its kept lines.
-- The gate, the exposure, the ledger and the statement's lines read it.
CREATE VIEW release_billed AS
SELECT r.id, r.note_doc_id, r.order_doc_id, r.customer_id, r.released_on, r.due_on,
       r.amount + (SELECT coalesce(sum(b.amount - b.note_amount), 0) FROM delivery_line_billed b
                    WHERE b.doc_id = r.note_doc_id AND b.removed = 0) AS amount
  FROM delivery_releases r;

-- The ledger's shipped figure is what the note bills: its amount at
-- release, moved by what loading changed, taken out whole when the note
-- is voided.
CREATE TRIGGER ledger_load AFTER INSERT ON delivery_loads
BEGIN
  UPDATE ledger_months
     SET shipped = shipped + (SELECT b.amount - b.note_amount FROM delivery_line_billed b WHERE b.id = NEW.delivery_line_id)
   WHERE EXISTS (SELECT 1 FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
                  WHERE r.note_doc_id = NEW.note_doc_id AND d.status <> 'void'
                    AND r.customer_id = ledger_months.customer_id AND substr(r.released_on, 1, 7) = ledger_months.month);
END;
DROP TRIGGER ledger_void;
CREATE TRIGGER ledger_void AFTER UPDATE OF status ON documents
WHEN (NEW.status = 'void') <> (OLD.status = 'void') AND NEW.kind IN ('delivery_note', 'invoice')
BEGIN
  UPDATE ledger_months SET shipped = shipped + CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END *
         (SELECT r.amount FROM release_billed r WHERE r.note_doc_id = NEW.id)
   WHERE EXISTS (SELECT 1 FROM delivery_releases r WHERE r.note_doc_id = NEW.id
                  AND r.customer_id = ledger_months.customer_id AND substr(r.released_on, 1, 7) = ledger_months.month);
  UPDATE ledger_months SET invoiced = invoiced + CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END *
         (SELECT s.amount FROM invoice_issues s WHERE s.invoice_doc_id = NEW.id)
   WHERE EXISTS (SELECT 1 FROM invoice_issues s WHERE s.invoice_doc_id = NEW.id
                  AND s.customer_id = ledger_months.customer_id AND substr(s.issued_on, 1, 7) = ledger_months.month);
END;

-- Restate what shipped in every month from the billed figures. A month
-- signed off before keeps the figures it was signed with
-- (reconciliation_lines, statements); a reopening restates it.
UPDATE ledger_months
   SET shipped = (SELECT coalesce(sum(r.amount), 0)
                    FROM release_billed r JOIN documents d ON d.id = r.note_doc_id
                   WHERE d.status <> 'void' AND r.customer_id = ledger_months.customer_id
                     AND substr(r.released_on, 1, 7) = ledger_months.month);

-- An invoice line never bills more than its delivery line billed, less
-- what other invoices in play hold (0006's guards, on the billed figures).
DROP TRIGGER invoice_lines_guard_i;
CREATE TRIGGER invoice_lines_guard_i BEFORE INSERT ON invoice_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:line_not_shipped')
   WHERE NOT EXISTS (SELECT 1 FROM delivery_lines dl JOIN delivery_notes n ON n.doc_id = dl.doc_id
                      JOIN documents nd ON nd.id = n.doc_id JOIN invoices i ON i.order_doc_id = n.order_doc_id
                      WHERE dl.id = NEW.delivery_line_id AND i.doc_id = NEW.doc_id AND dl.removed = 0
                        AND dl.order_line_id = NEW.order_line_id AND nd.status IN ('in_transit', 'delivered'));
  SELECT RAISE(ABORT, 'orderdesk:over_invoiced')
   WHERE NEW.removed = 0 AND (
         NEW.qty > (SELECT qty FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(il.qty), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
               WHERE il.delivery_line_id = NEW.delivery_line_id AND il.removed = 0 AND d.status <> 'void')
      OR NEW.weight > (SELECT weight FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(il.weight), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
               WHERE il.delivery_line_id = NEW.delivery_line_id AND il.removed = 0 AND d.status <> 'void'));
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.amount IS NOT (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM order_lines l WHERE l.id = NEW.order_line_id);
END;
DROP TRIGGER invoice_lines_guard_u;
CREATE TRIGGER invoice_lines_guard_u BEFORE UPDATE ON invoice_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:fixed_field')
   WHERE NEW.delivery_line_id IS NOT OLD.delivery_line_id OR NEW.order_line_id IS NOT OLD.order_line_id;
  SELECT RAISE(ABORT, 'orderdesk:over_invoiced')
   WHERE NEW.removed = 0 AND (
         NEW.qty > (SELECT qty FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(il.qty), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
               WHERE il.delivery_line_id = NEW.delivery_line_id AND il.removed = 0 AND d.status <> 'void' AND il.id <> OLD.id)
      OR NEW.weight > (SELECT weight FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(il.weight), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
               WHERE il.delivery_line_id = NEW.delivery_line_id AND il.removed = 0 AND d.status <> 'void' AND il.id <> OLD.id));
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.amount IS NOT (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM order_lines l WHERE l.id = NEW.order_line_id);
END;

-- 0006's views on the billed figures: what a released note bills and no
-- issued invoice covers yet, and the customer's exposure.
DROP VIEW customer_receivables;
DROP VIEW note_uninvoiced;
CREATE VIEW note_uninvoiced AS
SELECT r.note_doc_id, r.customer_id, r.order_doc_id, r.due_on,
       (SELECT coalesce(sum(max(b.amount - coalesce((SELECT sum(il.amount) FROM invoice_lines il
                                                       JOIN documents idoc ON idoc.id = il.doc_id
                                                      WHERE il.delivery_line_id = b.id AND il.removed = 0
                                                        AND idoc.status IN ('issued', 'mailed')), 0), 0)), 0)
          FROM delivery_line_billed b WHERE b.doc_id = r.note_doc_id AND b.removed = 0) AS amount
  FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
 WHERE d.status <> 'void';
CREATE VIEW customer_receivables AS
SELECT c.id AS customer_id,
       (SELECT coalesce(sum(r.amount), 0) FROM release_billed r JOIN documents d ON d.id = r.note_doc_id
         WHERE r.customer_id = c.id AND d.status <> 'void') AS shipped,
       (SELECT coalesce(sum(p.amount), 0) FROM receipts p WHERE p.customer_id = c.id) AS paid,
       (SELECT coalesce(sum(b.total), 0) FROM invoice_balances b WHERE b.customer_id = c.id) AS invoiced,
       (SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN receipts p ON p.id = a.receipt_id WHERE p.customer_id = c.id) AS allocated,
       (SELECT coalesce(sum(u.amount), 0) FROM note_uninvoiced u WHERE u.customer_id = c.id) AS uninvoiced
  FROM customers c;

-- 0006's release guard, with a prepaid order's earlier notes counted at
-- what they bill (workflow's gate reads the same, store.OrderMoney).
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
         < NEW.amount + (SELECT coalesce(sum(r.amount), 0) FROM release_billed r JOIN documents d ON d.id = r.note_doc_id
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
