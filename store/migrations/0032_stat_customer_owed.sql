-- What each customer owes at the end of a month (shipped less received,
-- from its first day to the month's last), one row a customer for every
-- month its owing changed in: what it owes at the start of any day is
-- its row of the latest month before the day's month, plus the days of
-- the day's month before it. The statistics read one row a customer and
-- end instead of summing the customer's whole history at every read
-- (some 50,000 roll-up rows on two years of 5,000 customers).
--
-- Derived like stat_days: filled here from it, kept by the triggers
-- below, never written by anything else; a row is never deleted. A day's
-- change reaches its month's row (made from the month before's if it is
-- the first of its month) and every later one: a day entered today
-- touches one row, a receipt dated back a month two. (IF NOT EXISTS: a
-- test that sets the version back to 0029 alone runs this again over
-- them; the fill then finds its rows there.)
CREATE TABLE IF NOT EXISTS stat_customer_owed (
  customer_id INTEGER NOT NULL,
  month       TEXT NOT NULL,
  owed        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, month)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS stat_days_owed_i AFTER INSERT ON stat_days
WHEN NEW.shipped <> NEW.received
BEGIN
  INSERT INTO stat_customer_owed(customer_id, month, owed)
  SELECT NEW.customer_id, substr(NEW.day, 1, 7),
         coalesce((SELECT o.owed FROM stat_customer_owed o
                    WHERE o.customer_id = NEW.customer_id AND o.month < substr(NEW.day, 1, 7)
                    ORDER BY o.month DESC LIMIT 1), 0)
   WHERE true
  ON CONFLICT (customer_id, month) DO NOTHING;
  UPDATE stat_customer_owed SET owed = owed + NEW.shipped - NEW.received
   WHERE customer_id = NEW.customer_id AND month >= substr(NEW.day, 1, 7);
END;
CREATE TRIGGER IF NOT EXISTS stat_days_owed_u AFTER UPDATE ON stat_days
WHEN NEW.shipped - NEW.received <> OLD.shipped - OLD.received
BEGIN
  INSERT INTO stat_customer_owed(customer_id, month, owed)
  SELECT NEW.customer_id, substr(NEW.day, 1, 7),
         coalesce((SELECT o.owed FROM stat_customer_owed o
                    WHERE o.customer_id = NEW.customer_id AND o.month < substr(NEW.day, 1, 7)
                    ORDER BY o.month DESC LIMIT 1), 0)
   WHERE true
  ON CONFLICT (customer_id, month) DO NOTHING;
  UPDATE stat_customer_owed SET owed = owed + NEW.shipped - NEW.received - OLD.shipped + OLD.received
   WHERE customer_id = NEW.customer_id AND month >= substr(NEW.day, 1, 7);
END;
CREATE TRIGGER IF NOT EXISTS stat_customer_owed_no_delete BEFORE DELETE ON stat_customer_owed
BEGIN SELECT RAISE(ABORT, 'orderdesk:no_delete'); END;

-- Fill from the months the days hold.
INSERT INTO stat_customer_owed(customer_id, month, owed)
SELECT customer_id, month, sum(shipped - received) OVER (PARTITION BY customer_id ORDER BY month)
  FROM stat_customer_months
 WHERE NOT EXISTS (SELECT 1 FROM stat_customer_owed);
