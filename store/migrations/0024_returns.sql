-- Returns and exchanges (退换货). Goods that come back are a return note
-- (kind 'return') against the delivery note they left on: its lines take
-- part of the note's lines (quantity, weight and the amount at the
-- order's price), with the reason and, where one led to it, the
-- complaint. A second person checks it (never its maker); the warehouse
-- receives the goods (never its maker either), which is when the books
-- follow: the month's ledger and the statistics' shipped figures go down
-- by what the return takes back, on the day received, and the order's
-- lines are open again for what came back, so an exchange draws a new
-- delivery note for it (an exchange is a return plus a new note).
-- Nothing returns more than its note line billed, less what other
-- returns not void hold of it; a return is never dated before its note
-- left. Money INTEGER fen; quantities and weights INTEGER thousandths.

CREATE TABLE goods_returns (
  id               INTEGER PRIMARY KEY,
  doc_id           INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  note_doc_id      INTEGER NOT NULL REFERENCES documents(id),
  order_doc_id     INTEGER NOT NULL REFERENCES documents(id),
  customer_id      INTEGER NOT NULL REFERENCES customers(id),
  complaint_doc_id INTEGER REFERENCES documents(id),
  returned_on      TEXT NOT NULL CHECK (length(returned_on) = 10),
  reason           TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  total            INTEGER NOT NULL DEFAULT 0 CHECK (total >= 0),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX goods_returns_note ON goods_returns(note_doc_id, doc_id);
CREATE INDEX goods_returns_customer ON goods_returns(customer_id, doc_id);
CREATE INDEX goods_returns_complaint ON goods_returns(complaint_doc_id) WHERE complaint_doc_id IS NOT NULL;

-- The day a note left: the carrier's hand-over.
CREATE VIEW delivery_left_on AS
SELECT note_doc_id, substr(shipped_at, 1, 10) AS day FROM delivery_dispatches;

-- A return is against a note that left, of the same order and customer,
-- dated on or after the day it left; the complaint, if any, is the
-- customer's.
CREATE TRIGGER goods_returns_guard_i BEFORE INSERT ON goods_returns
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:note_not_shipped')
   WHERE NOT EXISTS (SELECT 1 FROM documents d JOIN delivery_notes n ON n.doc_id = d.id
                      WHERE d.id = NEW.note_doc_id AND d.kind = 'delivery_note' AND d.status IN ('in_transit', 'delivered')
                        AND n.order_doc_id = NEW.order_doc_id AND n.customer_id = NEW.customer_id);
  SELECT RAISE(ABORT, 'orderdesk:before_note')
   WHERE NEW.returned_on < (SELECT day FROM delivery_left_on WHERE note_doc_id = NEW.note_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:customer_mismatch')
   WHERE NEW.complaint_doc_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM complaints WHERE doc_id = NEW.complaint_doc_id AND customer_id = NEW.customer_id);
END;
CREATE TRIGGER goods_returns_guard_u BEFORE UPDATE ON goods_returns
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:fixed_field')
   WHERE NEW.note_doc_id IS NOT OLD.note_doc_id OR NEW.order_doc_id IS NOT OLD.order_doc_id
      OR NEW.customer_id IS NOT OLD.customer_id OR NEW.complaint_doc_id IS NOT OLD.complaint_doc_id;
  SELECT RAISE(ABORT, 'orderdesk:before_note')
   WHERE NEW.returned_on < (SELECT day FROM delivery_left_on WHERE note_doc_id = NEW.note_doc_id);
END;

-- A return's line takes part of one of its note's lines. Lines are never
-- deleted; one taken out is marked removed.
CREATE TABLE goods_return_lines (
  id               INTEGER PRIMARY KEY,
  doc_id           INTEGER NOT NULL REFERENCES documents(id),
  line_no          INTEGER NOT NULL CHECK (line_no > 0),
  delivery_line_id INTEGER NOT NULL REFERENCES delivery_lines(id),
  qty              INTEGER NOT NULL CHECK (qty > 0 AND qty <= 1000000000),
  weight           INTEGER NOT NULL CHECK (weight >= 0 AND weight <= 1000000000),
  amount           INTEGER NOT NULL CHECK (amount >= 0),
  removed          INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (doc_id, delivery_line_id)
);
CREATE INDEX goods_return_lines_delivery_line ON goods_return_lines(delivery_line_id);

-- What a note line has out on returns not void (a line's own row left
-- out where it is being changed).
CREATE VIEW delivery_line_returned AS
SELECT rl.id, rl.delivery_line_id, rl.qty, rl.weight, rl.amount
  FROM goods_return_lines rl JOIN documents d ON d.id = rl.doc_id
 WHERE rl.removed = 0 AND d.status <> 'void';

CREATE TRIGGER goods_return_lines_guard_i BEFORE INSERT ON goods_return_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:line_not_in_note')
   WHERE NOT EXISTS (SELECT 1 FROM delivery_lines dl JOIN goods_returns r ON r.note_doc_id = dl.doc_id
                      WHERE dl.id = NEW.delivery_line_id AND r.doc_id = NEW.doc_id AND dl.removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:over_returned')
   WHERE NEW.removed = 0 AND (
         NEW.qty > (SELECT qty FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(qty), 0) FROM delivery_line_returned WHERE delivery_line_id = NEW.delivery_line_id)
      OR NEW.weight > (SELECT weight FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(weight), 0) FROM delivery_line_returned WHERE delivery_line_id = NEW.delivery_line_id));
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.amount IS NOT (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM delivery_lines dl JOIN order_lines l ON l.id = dl.order_line_id WHERE dl.id = NEW.delivery_line_id);
END;
CREATE TRIGGER goods_return_lines_guard_u BEFORE UPDATE ON goods_return_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:fixed_field') WHERE NEW.delivery_line_id IS NOT OLD.delivery_line_id;
  SELECT RAISE(ABORT, 'orderdesk:over_returned')
   WHERE NEW.removed = 0 AND (
         NEW.qty > (SELECT qty FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(qty), 0) FROM delivery_line_returned WHERE delivery_line_id = NEW.delivery_line_id AND id <> OLD.id)
      OR NEW.weight > (SELECT weight FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(weight), 0) FROM delivery_line_returned WHERE delivery_line_id = NEW.delivery_line_id AND id <> OLD.id));
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.amount IS NOT (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM delivery_lines dl JOIN order_lines l ON l.id = dl.order_line_id WHERE dl.id = NEW.delivery_line_id);
END;

-- The warehouse's receipt of the goods (入库): by an active warehouse
-- user as themself, never the return's maker, once it is checked, on
-- the day it is written. Never changed.
CREATE TABLE goods_return_receipts (
  id            INTEGER PRIMARY KEY,
  return_doc_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  received_on   TEXT NOT NULL CHECK (length(received_on) = 10),
  received_by   INTEGER NOT NULL REFERENCES users(id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER NOT NULL REFERENCES users(id)
);
CREATE TRIGGER goods_return_receipts_guard BEFORE INSERT ON goods_return_receipts
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:warehouse_only')
   WHERE NEW.updated_by IS NOT NEW.received_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.received_by AND u.active = 1 AND instr(u.roles, ',warehouse,') > 0);
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.return_doc_id AND kind = 'return' AND status = 'checked');
  SELECT RAISE(ABORT, 'orderdesk:maker_cannot_sign')
   WHERE NEW.received_by = (SELECT maker_id FROM documents WHERE id = NEW.return_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:fixed_field')
   WHERE NEW.received_on NOT BETWEEN date(NEW.created_at, '-1 day') AND date(NEW.created_at, '+1 day')
      OR NEW.received_on < (SELECT returned_on FROM goods_returns WHERE doc_id = NEW.return_doc_id);
END;
CREATE TRIGGER goods_return_receipts_no_update BEFORE UPDATE ON goods_return_receipts
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Status changes a return takes only with what they need in place.
CREATE TRIGGER return_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'return'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:no_lines')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve')
     AND NOT EXISTS (SELECT 1 FROM goods_return_lines WHERE doc_id = NEW.doc_id AND removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.action IN ('submit', 'resubmit', 'approve')
     AND (SELECT total FROM goods_returns WHERE doc_id = NEW.doc_id)
         IS NOT (SELECT coalesce(sum(amount), 0) FROM goods_return_lines WHERE doc_id = NEW.doc_id AND removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:receipt_missing')
   WHERE NEW.action = 'receive' AND NOT EXISTS (
     SELECT 1 FROM goods_return_receipts WHERE return_doc_id = NEW.doc_id AND received_by = NEW.actor_id);
  SELECT RAISE(ABORT, 'orderdesk:comment_required')
   WHERE NEW.action = 'void' AND length(trim(NEW.comment)) = 0;
END;

-- What came back of an order line: lines of returns the warehouse
-- received (a received return is final).
CREATE VIEW order_line_returned AS
SELECT dl.order_line_id, rl.qty, rl.weight, rl.amount
  FROM goods_return_lines rl JOIN goods_return_receipts x ON x.return_doc_id = rl.doc_id
  JOIN delivery_lines dl ON dl.id = rl.delivery_line_id
 WHERE rl.removed = 0;

-- The books follow a received return on the day received: the month's
-- shipped figure and the statistics' shipped tonnes and money go down by
-- what it takes back; its order is open again for it.
CREATE TRIGGER ledger_return AFTER INSERT ON goods_return_receipts
BEGIN
  INSERT OR IGNORE INTO ledger_months(customer_id, month)
  SELECT customer_id, substr(NEW.received_on, 1, 7) FROM goods_returns WHERE doc_id = NEW.return_doc_id;
  UPDATE ledger_months SET shipped = shipped - (SELECT total FROM goods_returns WHERE doc_id = NEW.return_doc_id)
   WHERE customer_id = (SELECT customer_id FROM goods_returns WHERE doc_id = NEW.return_doc_id)
     AND month = substr(NEW.received_on, 1, 7);
END;
CREATE VIEW return_stat_lines AS
SELECT rl.doc_id, si.id AS item_id, rl.weight AS kg, rl.amount
  FROM goods_return_lines rl JOIN delivery_lines dl ON dl.id = rl.delivery_line_id JOIN order_lines l ON l.id = dl.order_line_id
  LEFT JOIN stat_items si ON si.grade = l.grade AND si.name = l.name AND si.spec = l.spec
 WHERE rl.removed = 0;
CREATE TRIGGER return_stat_days AFTER INSERT ON goods_return_receipts
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, shipped_kg, shipped)
  SELECT NEW.received_on, r.customer_id, l.item_id, -sum(l.kg), -sum(l.amount)
    FROM goods_returns r JOIN return_stat_lines l ON l.doc_id = r.doc_id
   WHERE r.doc_id = NEW.return_doc_id
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    shipped_kg = shipped_kg + excluded.shipped_kg, shipped = shipped + excluded.shipped;
END;
CREATE TRIGGER shipping_open_return AFTER INSERT ON goods_return_receipts
BEGIN
  INSERT OR IGNORE INTO shipping_open_orders(order_doc_id)
  SELECT r.order_doc_id FROM goods_returns r JOIN documents o ON o.id = r.order_doc_id
   WHERE r.doc_id = NEW.return_doc_id AND o.status IN ('signed', 'in_fulfilment', 'partly_shipped');
END;

-- The receivable exposure (0021's view, with credits) with its shipped
-- figure less what came back.
DROP VIEW customer_receivables;
CREATE VIEW customer_receivables AS
SELECT c.id AS customer_id,
       (SELECT coalesce(sum(r.amount), 0) FROM release_billed r JOIN documents d ON d.id = r.note_doc_id
         WHERE r.customer_id = c.id AND d.status <> 'void')
     - (SELECT coalesce(sum(g.total), 0) FROM goods_returns g JOIN goods_return_receipts x ON x.return_doc_id = g.doc_id
         WHERE g.customer_id = c.id) AS shipped,
       (SELECT coalesce(sum(p.amount), 0) FROM receipts p WHERE p.customer_id = c.id) AS paid,
       (SELECT coalesce(sum(b.total), 0) FROM invoice_balances b WHERE b.customer_id = c.id)
         - (SELECT coalesce(sum(x.total), 0) FROM credit_balances x WHERE x.customer_id = c.id) AS invoiced,
       (SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN receipts p ON p.id = a.receipt_id WHERE p.customer_id = c.id) AS allocated,
       (SELECT coalesce(sum(u.amount), 0) FROM note_uninvoiced u WHERE u.customer_id = c.id) AS uninvoiced,
       (SELECT coalesce(sum(x.total), 0) FROM credit_balances x WHERE x.customer_id = c.id) AS credited,
       (SELECT coalesce(sum(x.allocated), 0) FROM credit_balances x WHERE x.customer_id = c.id) AS credit_allocated
  FROM customers c;

-- An order line is open for what no note in play holds, plus what came
-- back: 0005's guards and the open-orders list, with returns counted.
DROP TRIGGER delivery_lines_guard_i;
CREATE TRIGGER delivery_lines_guard_i BEFORE INSERT ON delivery_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:line_not_in_order')
   WHERE NOT EXISTS (SELECT 1 FROM order_lines l JOIN delivery_notes n ON n.order_doc_id = l.doc_id
                      WHERE l.id = NEW.order_line_id AND n.doc_id = NEW.doc_id AND l.removed = 0);
  SELECT RAISE(ABORT, 'orderdesk:over_shipped')
   WHERE NEW.removed = 0 AND NEW.qty > (SELECT l.qty FROM order_lines l WHERE l.id = NEW.order_line_id)
         - (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
             WHERE dl.order_line_id = NEW.order_line_id AND dl.removed = 0 AND d.status <> 'void')
         + (SELECT coalesce(sum(qty), 0) FROM order_line_returned WHERE order_line_id = NEW.order_line_id);
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.amount IS NOT (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM order_lines l WHERE l.id = NEW.order_line_id);
END;
DROP TRIGGER delivery_lines_guard_u;
CREATE TRIGGER delivery_lines_guard_u BEFORE UPDATE ON delivery_lines
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:fixed_field') WHERE NEW.order_line_id IS NOT OLD.order_line_id;
  SELECT RAISE(ABORT, 'orderdesk:over_shipped')
   WHERE NEW.removed = 0 AND NEW.qty > (SELECT l.qty FROM order_lines l WHERE l.id = NEW.order_line_id)
         - (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
             WHERE dl.order_line_id = NEW.order_line_id AND dl.removed = 0 AND d.status <> 'void' AND dl.id <> OLD.id)
         + (SELECT coalesce(sum(qty), 0) FROM order_line_returned WHERE order_line_id = NEW.order_line_id);
  SELECT RAISE(ABORT, 'orderdesk:amount_mismatch')
   WHERE NEW.amount IS NOT (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM order_lines l WHERE l.id = NEW.order_line_id);
END;

-- The open-orders list (0005) counts what came back as open: an order
-- line's open quantity is what no note in play holds, plus what came
-- back on received returns.
CREATE VIEW order_lines_open AS
SELECT l.id, l.doc_id,
       l.qty - (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents nd ON nd.id = dl.doc_id
                 WHERE dl.order_line_id = l.id AND dl.removed = 0 AND nd.status <> 'void')
             + (SELECT coalesce(sum(qty), 0) FROM order_line_returned WHERE order_line_id = l.id) AS open
  FROM order_lines l WHERE l.removed = 0;
DROP TRIGGER shipping_open_order_moves;
CREATE TRIGGER shipping_open_order_moves AFTER INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'order'
BEGIN
  DELETE FROM shipping_open_orders WHERE order_doc_id = NEW.doc_id;
  INSERT INTO shipping_open_orders(order_doc_id) SELECT NEW.doc_id
   WHERE NEW.to_status IN ('signed', 'in_fulfilment', 'partly_shipped')
     AND EXISTS (SELECT 1 FROM order_lines_open WHERE doc_id = NEW.doc_id AND open > 0);
END;
DROP TRIGGER shipping_open_note_moves;
CREATE TRIGGER shipping_open_note_moves AFTER INSERT ON transitions
WHEN NEW.to_status = 'void' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'delivery_note'
BEGIN
  -- The note is not void yet: what it holds is open again.
  INSERT OR IGNORE INTO shipping_open_orders(order_doc_id)
  SELECT n.order_doc_id FROM delivery_notes n JOIN documents o ON o.id = n.order_doc_id
   WHERE n.doc_id = NEW.doc_id AND o.status IN ('signed', 'in_fulfilment', 'partly_shipped') AND EXISTS (
     SELECT 1 FROM order_lines_open x WHERE x.doc_id = n.order_doc_id
        AND x.open + (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl
                       WHERE dl.doc_id = NEW.doc_id AND dl.order_line_id = x.id AND dl.removed = 0) > 0);
END;
DROP TRIGGER shipping_open_lines_i;
CREATE TRIGGER shipping_open_lines_i AFTER INSERT ON delivery_lines
BEGIN
  DELETE FROM shipping_open_orders WHERE order_doc_id = (SELECT order_doc_id FROM delivery_notes WHERE doc_id = NEW.doc_id)
     AND NOT EXISTS (SELECT 1 FROM order_lines_open
                      WHERE doc_id = (SELECT order_doc_id FROM delivery_notes WHERE doc_id = NEW.doc_id) AND open > 0);
END;
DROP TRIGGER shipping_open_lines_u;
CREATE TRIGGER shipping_open_lines_u AFTER UPDATE ON delivery_lines
BEGIN
  DELETE FROM shipping_open_orders WHERE order_doc_id = (SELECT order_doc_id FROM delivery_notes WHERE doc_id = NEW.doc_id);
  INSERT INTO shipping_open_orders(order_doc_id)
  SELECT n.order_doc_id FROM delivery_notes n JOIN documents o ON o.id = n.order_doc_id
   WHERE n.doc_id = NEW.doc_id AND o.status IN ('signed', 'in_fulfilment', 'partly_shipped')
     AND EXISTS (SELECT 1 FROM order_lines_open WHERE doc_id = n.order_doc_id AND open > 0);
END;

-- An order follows its notes less what came back: shipped only once
-- every line is out in full net of returns; a shipped order some of
-- which came back is partly shipped again (goods_back).
DROP TRIGGER order_ship_transition_guard;
CREATE TRIGGER order_ship_transition_guard BEFORE INSERT ON transitions
WHEN NEW.action IN ('ship_part', 'ship_all', 'goods_back') AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'order'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_shipped')
   WHERE NEW.action = 'ship_all' AND EXISTS (
     SELECT 1 FROM order_lines l WHERE l.doc_id = NEW.doc_id AND l.removed = 0
        AND l.qty > (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
                      WHERE dl.order_line_id = l.id AND dl.removed = 0 AND d.status IN ('in_transit', 'delivered'))
                  - (SELECT coalesce(sum(qty), 0) FROM order_line_returned WHERE order_line_id = l.id));
  SELECT RAISE(ABORT, 'orderdesk:not_shipped')
   WHERE NOT EXISTS (SELECT 1 FROM delivery_notes n JOIN documents d ON d.id = n.doc_id
                      WHERE n.order_doc_id = NEW.doc_id AND d.status IN ('in_transit', 'delivered'));
  SELECT RAISE(ABORT, 'orderdesk:not_returned')
   WHERE NEW.action = 'goods_back' AND NOT EXISTS (
     SELECT 1 FROM order_lines l JOIN order_line_returned x ON x.order_line_id = l.id WHERE l.doc_id = NEW.doc_id);
END;

-- Money owed follows the goods, tax follows the invoices. A received
-- return already took its goods off the month's shipped figure
-- (ledger_return), so a credit of returned goods (basis 'return') takes
-- its amount off what was invoiced only; an allowance, no goods back,
-- still takes its amount off both (0021's rule).
DROP TRIGGER ledger_credit;
CREATE TRIGGER ledger_credit AFTER INSERT ON credit_issues
BEGIN
  INSERT OR IGNORE INTO ledger_months(customer_id, month) VALUES (NEW.customer_id, substr(NEW.issued_on, 1, 7));
  UPDATE ledger_months
     SET shipped = shipped - CASE (SELECT basis FROM credits WHERE doc_id = NEW.credit_doc_id) WHEN 'allowance' THEN NEW.amount ELSE 0 END,
         invoiced = invoiced - NEW.amount
   WHERE customer_id = NEW.customer_id AND month = substr(NEW.issued_on, 1, 7);
END;
DROP TRIGGER ledger_credit_void;
CREATE TRIGGER ledger_credit_void AFTER UPDATE OF status ON documents
WHEN NEW.status = 'void' AND OLD.status <> 'void' AND NEW.kind = 'credit'
BEGIN
  UPDATE ledger_months
     SET shipped = shipped + CASE (SELECT basis FROM credits WHERE doc_id = NEW.id)
                               WHEN 'allowance' THEN (SELECT amount FROM credit_issues WHERE credit_doc_id = NEW.id) ELSE 0 END,
         invoiced = invoiced + (SELECT amount FROM credit_issues WHERE credit_doc_id = NEW.id)
   WHERE EXISTS (SELECT 1 FROM credit_issues s WHERE s.credit_doc_id = NEW.id
                  AND s.customer_id = ledger_months.customer_id AND substr(s.issued_on, 1, 7) = ledger_months.month);
END;

-- What of a note line came back on received returns and is not yet
-- credited: a credit of goods is of goods that came back, never more than
-- the received returns of its invoice line's note line less what credits
-- in play (other than a line's own row) already return of that note line.
CREATE VIEW delivery_line_received_back AS
SELECT rl.delivery_line_id, sum(rl.qty) AS qty, sum(rl.weight) AS weight
  FROM goods_return_lines rl JOIN goods_return_receipts x ON x.return_doc_id = rl.doc_id
 WHERE rl.removed = 0 GROUP BY rl.delivery_line_id;
CREATE VIEW delivery_line_credited_back AS
SELECT cl.id, il.delivery_line_id, cl.qty, cl.weight
  FROM credit_lines cl JOIN documents d ON d.id = cl.doc_id JOIN invoice_lines il ON il.id = cl.invoice_line_id
 WHERE cl.removed = 0 AND d.status <> 'void';
CREATE TRIGGER credit_lines_received_i BEFORE INSERT ON credit_lines
WHEN NEW.removed = 0
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:over_credited')
   WHERE NEW.qty > coalesce((SELECT b.qty FROM delivery_line_received_back b JOIN invoice_lines il ON il.delivery_line_id = b.delivery_line_id
                              WHERE il.id = NEW.invoice_line_id), 0)
           - (SELECT coalesce(sum(c.qty), 0) FROM delivery_line_credited_back c JOIN invoice_lines il ON il.delivery_line_id = c.delivery_line_id
               WHERE il.id = NEW.invoice_line_id)
      OR NEW.weight > coalesce((SELECT b.weight FROM delivery_line_received_back b JOIN invoice_lines il ON il.delivery_line_id = b.delivery_line_id
                              WHERE il.id = NEW.invoice_line_id), 0)
           - (SELECT coalesce(sum(c.weight), 0) FROM delivery_line_credited_back c JOIN invoice_lines il ON il.delivery_line_id = c.delivery_line_id
               WHERE il.id = NEW.invoice_line_id);
END;
CREATE TRIGGER credit_lines_received_u BEFORE UPDATE ON credit_lines
WHEN NEW.removed = 0
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:over_credited')
   WHERE NEW.qty > coalesce((SELECT b.qty FROM delivery_line_received_back b JOIN invoice_lines il ON il.delivery_line_id = b.delivery_line_id
                              WHERE il.id = NEW.invoice_line_id), 0)
           - (SELECT coalesce(sum(c.qty), 0) FROM delivery_line_credited_back c JOIN invoice_lines il ON il.delivery_line_id = c.delivery_line_id
               WHERE il.id = NEW.invoice_line_id AND c.id <> OLD.id)
      OR NEW.weight > coalesce((SELECT b.weight FROM delivery_line_received_back b JOIN invoice_lines il ON il.delivery_line_id = b.delivery_line_id
                              WHERE il.id = NEW.invoice_line_id), 0)
           - (SELECT coalesce(sum(c.weight), 0) FROM delivery_line_credited_back c JOIN invoice_lines il ON il.delivery_line_id = c.delivery_line_id
               WHERE il.id = NEW.invoice_line_id AND c.id <> OLD.id);
END;
