-- A quarter by any of the customer's dimensions (customer, rep, city,
-- province, terms, source, the total) read one row a customer instead
-- of three months of them: stat_days rolled up by quarter and customer,
-- kept by the triggers below beside those of migrations 0011 and 0022.
-- A quarter is named by its first month (YYYY-01, -04, -07, -10), so a
-- span of quarters is a span of months and compares as one.
--
-- Derived like stat_days: filled here from it, never written by
-- anything else; a row is never deleted.
CREATE TABLE stat_customer_quarters (
  quarter     TEXT NOT NULL,
  customer_id INTEGER NOT NULL,
  ordered_kg  INTEGER NOT NULL DEFAULT 0,
  ordered     INTEGER NOT NULL DEFAULT 0,
  shipped_kg  INTEGER NOT NULL DEFAULT 0,
  shipped     INTEGER NOT NULL DEFAULT 0,
  invoiced_kg INTEGER NOT NULL DEFAULT 0,
  invoiced    INTEGER NOT NULL DEFAULT 0,
  received    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (quarter, customer_id)
) WITHOUT ROWID;

-- A day's change reaches its quarter (the first month of the day's
-- quarter: 2026-08-14 is in 2026-07).
CREATE TRIGGER stat_days_quarters_i AFTER INSERT ON stat_days
BEGIN
  INSERT INTO stat_customer_quarters(quarter, customer_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received)
  VALUES (printf('%s-%02d', substr(NEW.day, 1, 4), (CAST(substr(NEW.day, 6, 2) AS INTEGER) - 1) / 3 * 3 + 1), NEW.customer_id,
          NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped, NEW.invoiced_kg, NEW.invoiced, NEW.received)
  ON CONFLICT (quarter, customer_id) DO UPDATE SET
    ordered_kg = ordered_kg + excluded.ordered_kg, ordered = ordered + excluded.ordered,
    shipped_kg = shipped_kg + excluded.shipped_kg, shipped = shipped + excluded.shipped,
    invoiced_kg = invoiced_kg + excluded.invoiced_kg, invoiced = invoiced + excluded.invoiced,
    received = received + excluded.received;
END;
CREATE TRIGGER stat_days_quarters_u AFTER UPDATE ON stat_days
BEGIN
  UPDATE stat_customer_quarters SET
    ordered_kg = ordered_kg + NEW.ordered_kg - OLD.ordered_kg, ordered = ordered + NEW.ordered - OLD.ordered,
    shipped_kg = shipped_kg + NEW.shipped_kg - OLD.shipped_kg, shipped = shipped + NEW.shipped - OLD.shipped,
    invoiced_kg = invoiced_kg + NEW.invoiced_kg - OLD.invoiced_kg, invoiced = invoiced + NEW.invoiced - OLD.invoiced,
    received = received + NEW.received - OLD.received
   WHERE quarter = printf('%s-%02d', substr(NEW.day, 1, 4), (CAST(substr(NEW.day, 6, 2) AS INTEGER) - 1) / 3 * 3 + 1)
     AND customer_id = NEW.customer_id;
END;
CREATE TRIGGER stat_customer_quarters_no_delete BEFORE DELETE ON stat_customer_quarters
BEGIN SELECT RAISE(ABORT, 'orderdesk:no_delete'); END;

-- Fill from the days.
INSERT INTO stat_customer_quarters(quarter, customer_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received)
SELECT printf('%s-%02d', substr(day, 1, 4), (CAST(substr(day, 6, 2) AS INTEGER) - 1) / 3 * 3 + 1), customer_id,
       sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped), sum(invoiced_kg), sum(invoiced), sum(received)
  FROM stat_days GROUP BY 1, 2;
