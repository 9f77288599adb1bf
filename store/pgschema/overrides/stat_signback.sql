-- from SQLite's text b3ddee6fff2b: the order's day and customer grouped by name (one stat_orders row per order; SQLite takes them bare)
CREATE OR REPLACE FUNCTION trg_stat_signback() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, ordered_kg, ordered)
  SELECT s.day, s.customer_id, l.item_id, -sum(l.kg), -sum(l.amount)
    FROM stat_orders s JOIN stat_order_lines l ON l.doc_id = s.counted_doc_id
   WHERE s.root_doc_id = (SELECT coalesce(root_doc_id, doc_id) FROM orders WHERE doc_id = NEW.order_doc_id)
     AND s.counted_doc_id <> NEW.order_doc_id
   GROUP BY s.day, s.customer_id, l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    ordered_kg = stat_days.ordered_kg + excluded.ordered_kg, ordered = stat_days.ordered + excluded.ordered;
  INSERT INTO stat_orders(root_doc_id, counted_doc_id, customer_id, day)
  SELECT coalesce(o.root_doc_id, o.doc_id), o.doc_id, o.customer_id, NEW.signed_on FROM orders o WHERE o.doc_id = NEW.order_doc_id
  ON CONFLICT (root_doc_id) DO UPDATE SET counted_doc_id = excluded.counted_doc_id;
  INSERT INTO stat_items(grade, name, spec)
  SELECT DISTINCT grade, name, spec FROM stat_order_lines WHERE doc_id = NEW.order_doc_id
  ON CONFLICT DO NOTHING;
  INSERT INTO stat_days(day, customer_id, item_id, ordered_kg, ordered)
  SELECT s.day, s.customer_id, l.item_id, sum(l.kg), sum(l.amount)
    FROM stat_orders s JOIN stat_order_lines l ON l.doc_id = s.counted_doc_id
   WHERE s.counted_doc_id = NEW.order_doc_id
   GROUP BY s.day, s.customer_id, l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    ordered_kg = stat_days.ordered_kg + excluded.ordered_kg, ordered = stat_days.ordered + excluded.ordered;
  RETURN NULL;
END $f$;
CREATE TRIGGER stat_signback AFTER INSERT ON order_signbacks FOR EACH ROW EXECUTE FUNCTION trg_stat_signback();
