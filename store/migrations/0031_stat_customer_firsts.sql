-- A rep's customers (the drill-down from a rep, and every view a rep
-- sees of their own) read their roll-up rows customer by customer: the
-- roll-ups are kept by period first, so a rep's 24 months read every
-- customer's 24 months and kept one in twelve. The customers by rep,
-- and each customer roll-up by customer first with every column it is
-- read for (covering, so no row is looked up again), let a rep's read
-- touch only their customers' rows. (IF NOT EXISTS: a test that sets the
-- version back to 0029 alone runs this again over them.)
CREATE INDEX IF NOT EXISTS customers_rep ON customers(rep_id, id);
CREATE INDEX IF NOT EXISTS stat_customer_months_customer ON stat_customer_months(customer_id, month,
  ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received, returned_kg, returned);
CREATE INDEX IF NOT EXISTS stat_customer_quarters_customer ON stat_customer_quarters(customer_id, quarter,
  ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received, returned_kg, returned);
CREATE INDEX IF NOT EXISTS stat_customer_years_customer ON stat_customer_years(customer_id, year,
  ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received, returned_kg, returned);
