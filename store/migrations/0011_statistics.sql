-- Sales statistics (销售统计): what was ordered, shipped, invoiced and
-- received, in tonnes (INTEGER kg, thousandths of a tonne) and money
-- (INTEGER fen), by day, customer and goods, kept by the triggers below
-- so any period by any dimension is a grouped scan of a few aggregate
-- rows, not a walk over two years of lines. Derived, like ledger_months:
-- filled here from what exists, never written by anything else. The
-- README's "Statistics: what each figure means" is the rule written out.
--
--   ordered   an order's lines in force, on the day the customer first
--             signed its contract (回传); a revision signed back restates
--             it on that first day, a cancellation takes it out
--   shipped   a released note's kept lines at what they bill
--             (delivery_line_billed), on the release day, as the ledger;
--             loading moves it, a void takes it out
--   invoiced  an issued invoice's kept lines, on the issue day; a void
--             takes it out
--   received  receipts, on the day received (no goods: item 0)

-- The goods a line names (牌号, name, spec), as the lines spell them.
CREATE TABLE stat_items (
  id    INTEGER PRIMARY KEY,
  grade TEXT NOT NULL,
  name  TEXT NOT NULL,
  spec  TEXT NOT NULL,
  UNIQUE (grade, name, spec)
);

-- Which version of an order the ordered figures hold (NULL once the
-- order is cancelled), for which customer, on which day: the day of the
-- first signed copy of any of its versions.
CREATE TABLE stat_orders (
  root_doc_id    INTEGER PRIMARY KEY,
  counted_doc_id INTEGER,
  customer_id    INTEGER NOT NULL,
  day            TEXT NOT NULL
);
CREATE INDEX stat_orders_day ON stat_orders(day, customer_id);

CREATE TABLE stat_days (
  day         TEXT NOT NULL,
  customer_id INTEGER NOT NULL,
  item_id     INTEGER NOT NULL,
  ordered_kg  INTEGER NOT NULL DEFAULT 0,
  ordered     INTEGER NOT NULL DEFAULT 0,
  shipped_kg  INTEGER NOT NULL DEFAULT 0,
  shipped     INTEGER NOT NULL DEFAULT 0,
  invoiced_kg INTEGER NOT NULL DEFAULT 0,
  invoiced    INTEGER NOT NULL DEFAULT 0,
  received    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, customer_id, item_id)
) WITHOUT ROWID;
CREATE INDEX stat_days_customer ON stat_days(customer_id, day);

-- Month roll-ups of stat_days: by customer (the customer's dimensions,
-- the trends) and by goods (the product dimensions).
CREATE TABLE stat_customer_months (
  month       TEXT NOT NULL,
  customer_id INTEGER NOT NULL,
  ordered_kg  INTEGER NOT NULL DEFAULT 0,
  ordered     INTEGER NOT NULL DEFAULT 0,
  shipped_kg  INTEGER NOT NULL DEFAULT 0,
  shipped     INTEGER NOT NULL DEFAULT 0,
  invoiced_kg INTEGER NOT NULL DEFAULT 0,
  invoiced    INTEGER NOT NULL DEFAULT 0,
  received    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, customer_id)
) WITHOUT ROWID;
CREATE TABLE stat_item_months (
  month       TEXT NOT NULL,
  item_id     INTEGER NOT NULL,
  ordered_kg  INTEGER NOT NULL DEFAULT 0,
  ordered     INTEGER NOT NULL DEFAULT 0,
  shipped_kg  INTEGER NOT NULL DEFAULT 0,
  shipped     INTEGER NOT NULL DEFAULT 0,
  invoiced_kg INTEGER NOT NULL DEFAULT 0,
  invoiced    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, item_id)
) WITHOUT ROWID;
-- By the customer's rep and goods: a rep's own figures split by goods
-- (what a rep sees) without reading every day of the period. A customer
-- moved to another rep takes their history along (stat_customer_rep).
CREATE TABLE stat_rep_item_months (
  month       TEXT NOT NULL,
  rep_id      INTEGER NOT NULL,
  item_id     INTEGER NOT NULL,
  ordered_kg  INTEGER NOT NULL DEFAULT 0,
  ordered     INTEGER NOT NULL DEFAULT 0,
  shipped_kg  INTEGER NOT NULL DEFAULT 0,
  shipped     INTEGER NOT NULL DEFAULT 0,
  invoiced_kg INTEGER NOT NULL DEFAULT 0,
  invoiced    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, rep_id, item_id)
) WITHOUT ROWID;

-- A day's change reaches its months.
CREATE TRIGGER stat_days_i AFTER INSERT ON stat_days
BEGIN
  INSERT INTO stat_customer_months(month, customer_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received)
  VALUES (substr(NEW.day, 1, 7), NEW.customer_id, NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped,
          NEW.invoiced_kg, NEW.invoiced, NEW.received)
  ON CONFLICT (month, customer_id) DO UPDATE SET
    ordered_kg = ordered_kg + excluded.ordered_kg, ordered = ordered + excluded.ordered,
    shipped_kg = shipped_kg + excluded.shipped_kg, shipped = shipped + excluded.shipped,
    invoiced_kg = invoiced_kg + excluded.invoiced_kg, invoiced = invoiced + excluded.invoiced,
    received = received + excluded.received;
  INSERT INTO stat_item_months(month, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced)
  SELECT substr(NEW.day, 1, 7), NEW.item_id, NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped, NEW.invoiced_kg, NEW.invoiced
   WHERE NEW.item_id <> 0
  ON CONFLICT (month, item_id) DO UPDATE SET
    ordered_kg = ordered_kg + excluded.ordered_kg, ordered = ordered + excluded.ordered,
    shipped_kg = shipped_kg + excluded.shipped_kg, shipped = shipped + excluded.shipped,
    invoiced_kg = invoiced_kg + excluded.invoiced_kg, invoiced = invoiced + excluded.invoiced;
  INSERT INTO stat_rep_item_months(month, rep_id, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced)
  SELECT substr(NEW.day, 1, 7), coalesce(c.rep_id, 0), NEW.item_id, NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped,
         NEW.invoiced_kg, NEW.invoiced
    FROM customers c WHERE c.id = NEW.customer_id AND NEW.item_id <> 0
  ON CONFLICT (month, rep_id, item_id) DO UPDATE SET
    ordered_kg = ordered_kg + excluded.ordered_kg, ordered = ordered + excluded.ordered,
    shipped_kg = shipped_kg + excluded.shipped_kg, shipped = shipped + excluded.shipped,
    invoiced_kg = invoiced_kg + excluded.invoiced_kg, invoiced = invoiced + excluded.invoiced;
END;
CREATE TRIGGER stat_days_u AFTER UPDATE ON stat_days
BEGIN
  UPDATE stat_customer_months SET
    ordered_kg = ordered_kg + NEW.ordered_kg - OLD.ordered_kg, ordered = ordered + NEW.ordered - OLD.ordered,
    shipped_kg = shipped_kg + NEW.shipped_kg - OLD.shipped_kg, shipped = shipped + NEW.shipped - OLD.shipped,
    invoiced_kg = invoiced_kg + NEW.invoiced_kg - OLD.invoiced_kg, invoiced = invoiced + NEW.invoiced - OLD.invoiced,
    received = received + NEW.received - OLD.received
   WHERE month = substr(NEW.day, 1, 7) AND customer_id = NEW.customer_id;
  UPDATE stat_item_months SET
    ordered_kg = ordered_kg + NEW.ordered_kg - OLD.ordered_kg, ordered = ordered + NEW.ordered - OLD.ordered,
    shipped_kg = shipped_kg + NEW.shipped_kg - OLD.shipped_kg, shipped = shipped + NEW.shipped - OLD.shipped,
    invoiced_kg = invoiced_kg + NEW.invoiced_kg - OLD.invoiced_kg, invoiced = invoiced + NEW.invoiced - OLD.invoiced
   WHERE month = substr(NEW.day, 1, 7) AND item_id = NEW.item_id;
  UPDATE stat_rep_item_months SET
    ordered_kg = ordered_kg + NEW.ordered_kg - OLD.ordered_kg, ordered = ordered + NEW.ordered - OLD.ordered,
    shipped_kg = shipped_kg + NEW.shipped_kg - OLD.shipped_kg, shipped = shipped + NEW.shipped - OLD.shipped,
    invoiced_kg = invoiced_kg + NEW.invoiced_kg - OLD.invoiced_kg, invoiced = invoiced + NEW.invoiced - OLD.invoiced
   WHERE month = substr(NEW.day, 1, 7) AND item_id = NEW.item_id
     AND rep_id = (SELECT coalesce(rep_id, 0) FROM customers WHERE id = NEW.customer_id);
END;
-- A customer moved to another rep takes their history along. (An
-- upsert of the negative, not UPDATE … FROM: SQLite's ALTER TABLE cannot
-- re-read a trigger holding one.)
CREATE TRIGGER stat_customer_rep AFTER UPDATE OF rep_id ON customers
WHEN coalesce(NEW.rep_id, 0) <> coalesce(OLD.rep_id, 0)
BEGIN
  INSERT INTO stat_rep_item_months(month, rep_id, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced)
  SELECT substr(day, 1, 7), r.rep_id, item_id, r.sign * sum(ordered_kg), r.sign * sum(ordered), r.sign * sum(shipped_kg),
         r.sign * sum(shipped), r.sign * sum(invoiced_kg), r.sign * sum(invoiced)
    FROM stat_days, (SELECT coalesce(OLD.rep_id, 0) AS rep_id, -1 AS sign UNION ALL SELECT coalesce(NEW.rep_id, 0), 1) r
   WHERE customer_id = NEW.id AND item_id <> 0
   GROUP BY 1, 2, 3
  ON CONFLICT (month, rep_id, item_id) DO UPDATE SET
    ordered_kg = ordered_kg + excluded.ordered_kg, ordered = ordered + excluded.ordered,
    shipped_kg = shipped_kg + excluded.shipped_kg, shipped = shipped + excluded.shipped,
    invoiced_kg = invoiced_kg + excluded.invoiced_kg, invoiced = invoiced + excluded.invoiced;
END;
CREATE TRIGGER stat_days_no_delete BEFORE DELETE ON stat_days
BEGIN SELECT RAISE(ABORT, 'orderdesk:no_delete'); END;
CREATE TRIGGER stat_customer_months_no_delete BEFORE DELETE ON stat_customer_months
BEGIN SELECT RAISE(ABORT, 'orderdesk:no_delete'); END;
CREATE TRIGGER stat_item_months_no_delete BEFORE DELETE ON stat_item_months
BEGIN SELECT RAISE(ABORT, 'orderdesk:no_delete'); END;
CREATE TRIGGER stat_rep_item_months_no_delete BEFORE DELETE ON stat_rep_item_months
BEGIN SELECT RAISE(ABORT, 'orderdesk:no_delete'); END;

-- What an order's version, a released note and an issued invoice hold,
-- line by line, with the goods each line names (item_id once stat_items
-- has them: each trigger adds a document's goods first). The triggers
-- and the fill below read these, and so does the store's trace of a
-- figure.
CREATE VIEW stat_order_lines AS
SELECT l.doc_id, l.grade, l.name, l.spec, si.id AS item_id, l.weight AS kg, coalesce(l.amount, 0) AS amount
  FROM order_lines l LEFT JOIN stat_items si ON si.grade = l.grade AND si.name = l.name AND si.spec = l.spec
 WHERE l.removed = 0;
CREATE VIEW stat_note_lines AS
SELECT b.doc_id, l.grade, l.name, l.spec, si.id AS item_id, b.weight AS kg, b.amount, b.id AS delivery_line_id,
       b.weight - dl.weight AS loaded_kg, b.amount - b.note_amount AS loaded_amount
  FROM delivery_line_billed b JOIN delivery_lines dl ON dl.id = b.id JOIN order_lines l ON l.id = b.order_line_id
  LEFT JOIN stat_items si ON si.grade = l.grade AND si.name = l.name AND si.spec = l.spec
 WHERE b.removed = 0;
CREATE VIEW stat_invoice_lines AS
SELECT il.doc_id, l.grade, l.name, l.spec, si.id AS item_id, il.weight AS kg, il.amount
  FROM invoice_lines il JOIN order_lines l ON l.id = il.order_line_id
  LEFT JOIN stat_items si ON si.grade = l.grade AND si.name = l.name AND si.spec = l.spec
 WHERE il.removed = 0;

-- Ordered: a version's signed copy. The version counted so far (an
-- earlier one the revision replaces) leaves the order's day, this one
-- joins it; an order's first signed copy gives it its day.
CREATE TRIGGER stat_signback AFTER INSERT ON order_signbacks
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, ordered_kg, ordered)
  SELECT s.day, s.customer_id, l.item_id, -sum(l.kg), -sum(l.amount)
    FROM stat_orders s JOIN stat_order_lines l ON l.doc_id = s.counted_doc_id
   WHERE s.root_doc_id = (SELECT coalesce(root_doc_id, doc_id) FROM orders WHERE doc_id = NEW.order_doc_id)
     AND s.counted_doc_id <> NEW.order_doc_id
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    ordered_kg = ordered_kg + excluded.ordered_kg, ordered = ordered + excluded.ordered;
  INSERT INTO stat_orders(root_doc_id, counted_doc_id, customer_id, day)
  SELECT coalesce(o.root_doc_id, o.doc_id), o.doc_id, o.customer_id, NEW.signed_on FROM orders o WHERE o.doc_id = NEW.order_doc_id
  ON CONFLICT (root_doc_id) DO UPDATE SET counted_doc_id = excluded.counted_doc_id;
  INSERT OR IGNORE INTO stat_items(grade, name, spec)
  SELECT DISTINCT grade, name, spec FROM stat_order_lines WHERE doc_id = NEW.order_doc_id;
  INSERT INTO stat_days(day, customer_id, item_id, ordered_kg, ordered)
  SELECT s.day, s.customer_id, l.item_id, sum(l.kg), sum(l.amount)
    FROM stat_orders s JOIN stat_order_lines l ON l.doc_id = s.counted_doc_id
   WHERE s.counted_doc_id = NEW.order_doc_id
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    ordered_kg = ordered_kg + excluded.ordered_kg, ordered = ordered + excluded.ordered;
END;
-- A cancelled order leaves the day it was counted on.
CREATE TRIGGER stat_order_cancel AFTER UPDATE OF status ON documents
WHEN NEW.kind = 'order' AND NEW.status = 'cancelled' AND OLD.status <> 'cancelled'
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, ordered_kg, ordered)
  SELECT s.day, s.customer_id, l.item_id, -sum(l.kg), -sum(l.amount)
    FROM stat_orders s JOIN stat_order_lines l ON l.doc_id = s.counted_doc_id
   WHERE s.root_doc_id = (SELECT coalesce(root_doc_id, doc_id) FROM orders WHERE doc_id = NEW.id)
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    ordered_kg = ordered_kg + excluded.ordered_kg, ordered = ordered + excluded.ordered;
  UPDATE stat_orders SET counted_doc_id = NULL
   WHERE root_doc_id = (SELECT coalesce(root_doc_id, doc_id) FROM orders WHERE doc_id = NEW.id);
END;

-- Shipped: a note's kept lines at what they bill, on the release day.
CREATE TRIGGER stat_release AFTER INSERT ON delivery_releases
BEGIN
  INSERT OR IGNORE INTO stat_items(grade, name, spec)
  SELECT DISTINCT grade, name, spec FROM stat_note_lines WHERE doc_id = NEW.note_doc_id;
  INSERT INTO stat_days(day, customer_id, item_id, shipped_kg, shipped)
  SELECT NEW.released_on, NEW.customer_id, l.item_id, sum(l.kg), sum(l.amount)
    FROM stat_note_lines l
   WHERE l.doc_id = NEW.note_doc_id AND NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.note_doc_id AND status = 'void')
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    shipped_kg = shipped_kg + excluded.shipped_kg, shipped = shipped + excluded.shipped;
END;
-- Loading a released line moves what it bills.
CREATE TRIGGER stat_load AFTER INSERT ON delivery_loads
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, shipped_kg, shipped)
  SELECT r.released_on, r.customer_id, l.item_id, l.loaded_kg, l.loaded_amount
    FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
    JOIN stat_note_lines l ON l.delivery_line_id = NEW.delivery_line_id
   WHERE r.note_doc_id = NEW.note_doc_id AND d.status <> 'void'
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    shipped_kg = shipped_kg + excluded.shipped_kg, shipped = shipped + excluded.shipped;
END;
-- Shipped and invoiced: a note or invoice voided (or, were it ever
-- possible, brought back) leaves (or rejoins) the day it counted on.
CREATE TRIGGER stat_void AFTER UPDATE OF status ON documents
WHEN (NEW.status = 'void') <> (OLD.status = 'void') AND NEW.kind IN ('delivery_note', 'invoice')
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, shipped_kg, shipped)
  SELECT r.released_on, r.customer_id, l.item_id,
         CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END * sum(l.kg),
         CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END * sum(l.amount)
    FROM delivery_releases r JOIN stat_note_lines l ON l.doc_id = r.note_doc_id
   WHERE r.note_doc_id = NEW.id
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    shipped_kg = shipped_kg + excluded.shipped_kg, shipped = shipped + excluded.shipped;
  INSERT INTO stat_days(day, customer_id, item_id, invoiced_kg, invoiced)
  SELECT s.issued_on, s.customer_id, l.item_id,
         CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END * sum(l.kg),
         CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END * sum(l.amount)
    FROM invoice_issues s JOIN stat_invoice_lines l ON l.doc_id = s.invoice_doc_id
   WHERE s.invoice_doc_id = NEW.id
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    invoiced_kg = invoiced_kg + excluded.invoiced_kg, invoiced = invoiced + excluded.invoiced;
END;

-- Invoiced: an invoice's kept lines, on the issue day.
CREATE TRIGGER stat_issue AFTER INSERT ON invoice_issues
BEGIN
  INSERT OR IGNORE INTO stat_items(grade, name, spec)
  SELECT DISTINCT grade, name, spec FROM stat_invoice_lines WHERE doc_id = NEW.invoice_doc_id;
  INSERT INTO stat_days(day, customer_id, item_id, invoiced_kg, invoiced)
  SELECT NEW.issued_on, NEW.customer_id, l.item_id, sum(l.kg), sum(l.amount)
    FROM stat_invoice_lines l
   WHERE l.doc_id = NEW.invoice_doc_id AND NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.invoice_doc_id AND status = 'void')
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    invoiced_kg = invoiced_kg + excluded.invoiced_kg, invoiced = invoiced + excluded.invoiced;
END;

-- Received: money on the day it came.
CREATE TRIGGER stat_receipt AFTER INSERT ON receipts
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, received) VALUES (NEW.received_on, NEW.customer_id, 0, NEW.amount)
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET received = received + excluded.received;
END;

-- Fill from what exists, by the same rules. An order's day is its
-- chain's first signed copy; the version counted, its latest signed one,
-- unless some version was cancelled.
INSERT INTO stat_orders(root_doc_id, counted_doc_id, customer_id, day)
SELECT coalesce(o.root_doc_id, o.doc_id) AS root,
       CASE WHEN EXISTS (SELECT 1 FROM orders c JOIN documents cd ON cd.id = c.doc_id
                          WHERE coalesce(c.root_doc_id, c.doc_id) = coalesce(o.root_doc_id, o.doc_id) AND cd.status = 'cancelled')
            THEN NULL
            ELSE (SELECT c.doc_id FROM orders c JOIN order_signbacks cb ON cb.order_doc_id = c.doc_id
                   WHERE coalesce(c.root_doc_id, c.doc_id) = coalesce(o.root_doc_id, o.doc_id) ORDER BY c.revision DESC LIMIT 1) END,
       min(o.customer_id), min(b.signed_on)
  FROM orders o JOIN order_signbacks b ON b.order_doc_id = o.doc_id
 GROUP BY root;
INSERT OR IGNORE INTO stat_items(grade, name, spec)
SELECT DISTINCT grade, name, spec FROM order_lines;
INSERT INTO stat_days(day, customer_id, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received)
SELECT day, customer_id, item_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped), sum(invoiced_kg), sum(invoiced), sum(received)
  FROM (
  SELECT s.day, s.customer_id, l.item_id, l.kg AS ordered_kg, l.amount AS ordered,
         0 AS shipped_kg, 0 AS shipped, 0 AS invoiced_kg, 0 AS invoiced, 0 AS received
    FROM stat_orders s JOIN stat_order_lines l ON l.doc_id = s.counted_doc_id
  UNION ALL
  SELECT r.released_on, r.customer_id, l.item_id, 0, 0, l.kg, l.amount, 0, 0, 0
    FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id JOIN stat_note_lines l ON l.doc_id = r.note_doc_id
   WHERE d.status <> 'void'
  UNION ALL
  SELECT s.issued_on, s.customer_id, l.item_id, 0, 0, 0, 0, l.kg, l.amount, 0
    FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id JOIN stat_invoice_lines l ON l.doc_id = s.invoice_doc_id
   WHERE d.status <> 'void'
  UNION ALL
  SELECT p.received_on, p.customer_id, 0, 0, 0, 0, 0, 0, 0, p.amount FROM receipts p)
 GROUP BY day, customer_id, item_id;
