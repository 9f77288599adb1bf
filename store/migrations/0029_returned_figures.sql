-- Returns as a figure of their own (退货): what the warehouse received
-- back, in tonnes (INTEGER kg) and money (INTEGER fen, at the order's
-- price, as the return's lines hold it), on the day received, by
-- customer and goods. Shipped still goes down by the same (0024's
-- return_stat_days): shipped is net of what came back, returned says
-- how much that was. A return is void only before it is received (a
-- received one is final), so a void never reaches the figure.
--
-- Every aggregate of 0011, 0022 and 0026 gains the two columns; the
-- triggers below carry a day's returned figure to its roll-ups beside
-- those that carry the other figures (they fire only when the returned
-- figure is touched, so the other writes cost nothing more). Derived
-- like the rest: filled at the end from the returns received so far.

ALTER TABLE stat_days ADD COLUMN returned_kg INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_days ADD COLUMN returned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_customer_months ADD COLUMN returned_kg INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_customer_months ADD COLUMN returned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_item_months ADD COLUMN returned_kg INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_item_months ADD COLUMN returned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_rep_item_months ADD COLUMN returned_kg INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_rep_item_months ADD COLUMN returned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_months ADD COLUMN returned_kg INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_months ADD COLUMN returned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_customer_quarters ADD COLUMN returned_kg INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_customer_quarters ADD COLUMN returned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_customer_years ADD COLUMN returned_kg INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_customer_years ADD COLUMN returned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_item_years ADD COLUMN returned_kg INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_item_years ADD COLUMN returned INTEGER NOT NULL DEFAULT 0;

-- A day's returned figure reaches its months, quarter and year. An
-- upsert, not an update: the triggers that make a roll-up's row for a
-- new day may run before or after this one.
CREATE TRIGGER stat_days_returned_i AFTER INSERT ON stat_days
WHEN NEW.returned_kg <> 0 OR NEW.returned <> 0
BEGIN
  INSERT INTO stat_customer_months(month, customer_id, returned_kg, returned)
  VALUES (substr(NEW.day, 1, 7), NEW.customer_id, NEW.returned_kg, NEW.returned)
  ON CONFLICT (month, customer_id) DO UPDATE SET
    returned_kg = returned_kg + excluded.returned_kg, returned = returned + excluded.returned;
  INSERT INTO stat_item_months(month, item_id, returned_kg, returned)
  SELECT substr(NEW.day, 1, 7), NEW.item_id, NEW.returned_kg, NEW.returned WHERE NEW.item_id <> 0
  ON CONFLICT (month, item_id) DO UPDATE SET
    returned_kg = returned_kg + excluded.returned_kg, returned = returned + excluded.returned;
  INSERT INTO stat_rep_item_months(month, rep_id, item_id, returned_kg, returned)
  SELECT substr(NEW.day, 1, 7), coalesce(c.rep_id, 0), NEW.item_id, NEW.returned_kg, NEW.returned
    FROM customers c WHERE c.id = NEW.customer_id AND NEW.item_id <> 0
  ON CONFLICT (month, rep_id, item_id) DO UPDATE SET
    returned_kg = returned_kg + excluded.returned_kg, returned = returned + excluded.returned;
  INSERT INTO stat_months(month, customer_id, item_id, returned_kg, returned)
  VALUES (substr(NEW.day, 1, 7), NEW.customer_id, NEW.item_id, NEW.returned_kg, NEW.returned)
  ON CONFLICT (month, customer_id, item_id) DO UPDATE SET
    returned_kg = returned_kg + excluded.returned_kg, returned = returned + excluded.returned;
  INSERT INTO stat_customer_quarters(quarter, customer_id, returned_kg, returned)
  VALUES (printf('%s-%02d', substr(NEW.day, 1, 4), (CAST(substr(NEW.day, 6, 2) AS INTEGER) - 1) / 3 * 3 + 1), NEW.customer_id,
          NEW.returned_kg, NEW.returned)
  ON CONFLICT (quarter, customer_id) DO UPDATE SET
    returned_kg = returned_kg + excluded.returned_kg, returned = returned + excluded.returned;
  INSERT INTO stat_customer_years(year, customer_id, returned_kg, returned)
  VALUES (substr(NEW.day, 1, 4), NEW.customer_id, NEW.returned_kg, NEW.returned)
  ON CONFLICT (year, customer_id) DO UPDATE SET
    returned_kg = returned_kg + excluded.returned_kg, returned = returned + excluded.returned;
  INSERT INTO stat_item_years(year, item_id, returned_kg, returned)
  SELECT substr(NEW.day, 1, 4), NEW.item_id, NEW.returned_kg, NEW.returned WHERE NEW.item_id <> 0
  ON CONFLICT (year, item_id) DO UPDATE SET
    returned_kg = returned_kg + excluded.returned_kg, returned = returned + excluded.returned;
END;
-- A day's row already has its roll-ups' rows (made when it was).
CREATE TRIGGER stat_days_returned_u AFTER UPDATE ON stat_days
WHEN NEW.returned_kg <> OLD.returned_kg OR NEW.returned <> OLD.returned
BEGIN
  UPDATE stat_customer_months SET returned_kg = returned_kg + NEW.returned_kg - OLD.returned_kg, returned = returned + NEW.returned - OLD.returned
   WHERE month = substr(NEW.day, 1, 7) AND customer_id = NEW.customer_id;
  UPDATE stat_item_months SET returned_kg = returned_kg + NEW.returned_kg - OLD.returned_kg, returned = returned + NEW.returned - OLD.returned
   WHERE month = substr(NEW.day, 1, 7) AND item_id = NEW.item_id;
  UPDATE stat_rep_item_months SET returned_kg = returned_kg + NEW.returned_kg - OLD.returned_kg, returned = returned + NEW.returned - OLD.returned
   WHERE month = substr(NEW.day, 1, 7) AND item_id = NEW.item_id
     AND rep_id = (SELECT coalesce(rep_id, 0) FROM customers WHERE id = NEW.customer_id);
  UPDATE stat_months SET returned_kg = returned_kg + NEW.returned_kg - OLD.returned_kg, returned = returned + NEW.returned - OLD.returned
   WHERE month = substr(NEW.day, 1, 7) AND customer_id = NEW.customer_id AND item_id = NEW.item_id;
  UPDATE stat_customer_quarters SET returned_kg = returned_kg + NEW.returned_kg - OLD.returned_kg, returned = returned + NEW.returned - OLD.returned
   WHERE quarter = printf('%s-%02d', substr(NEW.day, 1, 4), (CAST(substr(NEW.day, 6, 2) AS INTEGER) - 1) / 3 * 3 + 1)
     AND customer_id = NEW.customer_id;
  UPDATE stat_customer_years SET returned_kg = returned_kg + NEW.returned_kg - OLD.returned_kg, returned = returned + NEW.returned - OLD.returned
   WHERE year = substr(NEW.day, 1, 4) AND customer_id = NEW.customer_id;
  UPDATE stat_item_years SET returned_kg = returned_kg + NEW.returned_kg - OLD.returned_kg, returned = returned + NEW.returned - OLD.returned
   WHERE year = substr(NEW.day, 1, 4) AND item_id = NEW.item_id;
END;
-- A customer moved to another rep takes what came back along too
-- (0011's stat_customer_rep moves the rest).
CREATE TRIGGER stat_customer_rep_returned AFTER UPDATE OF rep_id ON customers
WHEN coalesce(NEW.rep_id, 0) <> coalesce(OLD.rep_id, 0)
BEGIN
  INSERT INTO stat_rep_item_months(month, rep_id, item_id, returned_kg, returned)
  SELECT substr(day, 1, 7), r.rep_id, item_id, r.sign * sum(returned_kg), r.sign * sum(returned)
    FROM stat_days, (SELECT coalesce(OLD.rep_id, 0) AS rep_id, -1 AS sign UNION ALL SELECT coalesce(NEW.rep_id, 0), 1) r
   WHERE customer_id = NEW.id AND item_id <> 0
   GROUP BY 1, 2, 3
  ON CONFLICT (month, rep_id, item_id) DO UPDATE SET
    returned_kg = returned_kg + excluded.returned_kg, returned = returned + excluded.returned;
END;

-- Returned: a return's kept lines, on the day the warehouse received it
-- (beside return_stat_days, which takes the same off shipped).
CREATE TRIGGER return_stat_returned AFTER INSERT ON goods_return_receipts
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, returned_kg, returned)
  SELECT NEW.received_on, r.customer_id, l.item_id, sum(l.kg), sum(l.amount)
    FROM goods_returns r JOIN return_stat_lines l ON l.doc_id = r.doc_id
   WHERE r.doc_id = NEW.return_doc_id
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    returned_kg = returned_kg + excluded.returned_kg, returned = returned + excluded.returned;
END;

-- Fill from the returns received so far: their days' rows are there
-- already (return_stat_days made them), so each is an update the
-- triggers above carry to the roll-ups.
INSERT INTO stat_days(day, customer_id, item_id, returned_kg, returned)
SELECT x.received_on, r.customer_id, l.item_id, sum(l.kg), sum(l.amount)
  FROM goods_return_receipts x JOIN goods_returns r ON r.doc_id = x.return_doc_id JOIN return_stat_lines l ON l.doc_id = r.doc_id
 GROUP BY 1, 2, 3
ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
  returned_kg = returned_kg + excluded.returned_kg, returned = returned + excluded.returned;
