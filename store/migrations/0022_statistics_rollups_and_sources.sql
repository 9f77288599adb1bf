-- Statistics on the two-year volume, and the customer's source (来源).
--
-- Roll-ups of stat_days kept by the triggers below, beside those of
-- migration 0011, so that no whole month is read day by day and a whole
-- year is one row a customer (or goods) instead of twelve:
--
--   stat_months          by month, customer and goods: a split by goods
--                        of some customers (a city's, a product's
--                        customers, one customer's goods), which no
--                        month roll-up served, so it read every day
--   stat_customer_years  by year and customer: a year by any of the
--                        customer's dimensions, and what is owed
--   stat_item_years      by year and goods: a year by goods
--
-- Derived like stat_days: filled here from it, never written by
-- anything else; a row is never deleted.
CREATE TABLE stat_months (
  month       TEXT NOT NULL,
  customer_id INTEGER NOT NULL,
  item_id     INTEGER NOT NULL,
  ordered_kg  INTEGER NOT NULL DEFAULT 0,
  ordered     INTEGER NOT NULL DEFAULT 0,
  shipped_kg  INTEGER NOT NULL DEFAULT 0,
  shipped     INTEGER NOT NULL DEFAULT 0,
  invoiced_kg INTEGER NOT NULL DEFAULT 0,
  invoiced    INTEGER NOT NULL DEFAULT 0,
  received    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, customer_id, item_id)
) WITHOUT ROWID;
CREATE INDEX stat_months_customer ON stat_months(customer_id, month);
CREATE INDEX stat_months_item ON stat_months(item_id, month);
CREATE TABLE stat_customer_years (
  year        TEXT NOT NULL,
  customer_id INTEGER NOT NULL,
  ordered_kg  INTEGER NOT NULL DEFAULT 0,
  ordered     INTEGER NOT NULL DEFAULT 0,
  shipped_kg  INTEGER NOT NULL DEFAULT 0,
  shipped     INTEGER NOT NULL DEFAULT 0,
  invoiced_kg INTEGER NOT NULL DEFAULT 0,
  invoiced    INTEGER NOT NULL DEFAULT 0,
  received    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, customer_id)
) WITHOUT ROWID;
CREATE TABLE stat_item_years (
  year        TEXT NOT NULL,
  item_id     INTEGER NOT NULL,
  ordered_kg  INTEGER NOT NULL DEFAULT 0,
  ordered     INTEGER NOT NULL DEFAULT 0,
  shipped_kg  INTEGER NOT NULL DEFAULT 0,
  shipped     INTEGER NOT NULL DEFAULT 0,
  invoiced_kg INTEGER NOT NULL DEFAULT 0,
  invoiced    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, item_id)
) WITHOUT ROWID;

-- A day's change reaches its month, and its year.
CREATE TRIGGER stat_days_rollups_i AFTER INSERT ON stat_days
BEGIN
  INSERT INTO stat_months(month, customer_id, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received)
  VALUES (substr(NEW.day, 1, 7), NEW.customer_id, NEW.item_id, NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped,
          NEW.invoiced_kg, NEW.invoiced, NEW.received)
  ON CONFLICT (month, customer_id, item_id) DO UPDATE SET
    ordered_kg = ordered_kg + excluded.ordered_kg, ordered = ordered + excluded.ordered,
    shipped_kg = shipped_kg + excluded.shipped_kg, shipped = shipped + excluded.shipped,
    invoiced_kg = invoiced_kg + excluded.invoiced_kg, invoiced = invoiced + excluded.invoiced,
    received = received + excluded.received;
  INSERT INTO stat_customer_years(year, customer_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received)
  VALUES (substr(NEW.day, 1, 4), NEW.customer_id, NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped,
          NEW.invoiced_kg, NEW.invoiced, NEW.received)
  ON CONFLICT (year, customer_id) DO UPDATE SET
    ordered_kg = ordered_kg + excluded.ordered_kg, ordered = ordered + excluded.ordered,
    shipped_kg = shipped_kg + excluded.shipped_kg, shipped = shipped + excluded.shipped,
    invoiced_kg = invoiced_kg + excluded.invoiced_kg, invoiced = invoiced + excluded.invoiced,
    received = received + excluded.received;
  INSERT INTO stat_item_years(year, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced)
  SELECT substr(NEW.day, 1, 4), NEW.item_id, NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped, NEW.invoiced_kg, NEW.invoiced
   WHERE NEW.item_id <> 0
  ON CONFLICT (year, item_id) DO UPDATE SET
    ordered_kg = ordered_kg + excluded.ordered_kg, ordered = ordered + excluded.ordered,
    shipped_kg = shipped_kg + excluded.shipped_kg, shipped = shipped + excluded.shipped,
    invoiced_kg = invoiced_kg + excluded.invoiced_kg, invoiced = invoiced + excluded.invoiced;
END;
CREATE TRIGGER stat_days_rollups_u AFTER UPDATE ON stat_days
BEGIN
  UPDATE stat_months SET
    ordered_kg = ordered_kg + NEW.ordered_kg - OLD.ordered_kg, ordered = ordered + NEW.ordered - OLD.ordered,
    shipped_kg = shipped_kg + NEW.shipped_kg - OLD.shipped_kg, shipped = shipped + NEW.shipped - OLD.shipped,
    invoiced_kg = invoiced_kg + NEW.invoiced_kg - OLD.invoiced_kg, invoiced = invoiced + NEW.invoiced - OLD.invoiced,
    received = received + NEW.received - OLD.received
   WHERE month = substr(NEW.day, 1, 7) AND customer_id = NEW.customer_id AND item_id = NEW.item_id;
  UPDATE stat_customer_years SET
    ordered_kg = ordered_kg + NEW.ordered_kg - OLD.ordered_kg, ordered = ordered + NEW.ordered - OLD.ordered,
    shipped_kg = shipped_kg + NEW.shipped_kg - OLD.shipped_kg, shipped = shipped + NEW.shipped - OLD.shipped,
    invoiced_kg = invoiced_kg + NEW.invoiced_kg - OLD.invoiced_kg, invoiced = invoiced + NEW.invoiced - OLD.invoiced,
    received = received + NEW.received - OLD.received
   WHERE year = substr(NEW.day, 1, 4) AND customer_id = NEW.customer_id;
  UPDATE stat_item_years SET
    ordered_kg = ordered_kg + NEW.ordered_kg - OLD.ordered_kg, ordered = ordered + NEW.ordered - OLD.ordered,
    shipped_kg = shipped_kg + NEW.shipped_kg - OLD.shipped_kg, shipped = shipped + NEW.shipped - OLD.shipped,
    invoiced_kg = invoiced_kg + NEW.invoiced_kg - OLD.invoiced_kg, invoiced = invoiced + NEW.invoiced - OLD.invoiced
   WHERE year = substr(NEW.day, 1, 4) AND item_id = NEW.item_id;
END;
CREATE TRIGGER stat_months_no_delete BEFORE DELETE ON stat_months
BEGIN SELECT RAISE(ABORT, 'orderdesk:no_delete'); END;
CREATE TRIGGER stat_customer_years_no_delete BEFORE DELETE ON stat_customer_years
BEGIN SELECT RAISE(ABORT, 'orderdesk:no_delete'); END;
CREATE TRIGGER stat_item_years_no_delete BEFORE DELETE ON stat_item_years
BEGIN SELECT RAISE(ABORT, 'orderdesk:no_delete'); END;

-- Fill from the days.
INSERT INTO stat_months(month, customer_id, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received)
SELECT substr(day, 1, 7), customer_id, item_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped),
       sum(invoiced_kg), sum(invoiced), sum(received)
  FROM stat_days GROUP BY 1, 2, 3;
INSERT INTO stat_customer_years(year, customer_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received)
SELECT substr(day, 1, 4), customer_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped),
       sum(invoiced_kg), sum(invoiced), sum(received)
  FROM stat_days GROUP BY 1, 2;
INSERT INTO stat_item_years(year, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced)
SELECT substr(day, 1, 4), item_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped), sum(invoiced_kg), sum(invoiced)
  FROM stat_days WHERE item_id <> 0 GROUP BY 1, 2;

-- Where a customer came from (来源), as a lead's sources, with 'other';
-- '' for a customer filed before it was asked.
ALTER TABLE customers ADD COLUMN source TEXT NOT NULL DEFAULT ''
  CHECK (source IN ('', 'phone', 'website', 'exhibition', 'referral', 'investment', 'email', 'im', 'other'));
