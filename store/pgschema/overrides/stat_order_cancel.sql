-- from SQLite's text 5ed756300353: the order's day and customer grouped by name (one stat_orders row per order; SQLite takes them bare)
CREATE OR REPLACE FUNCTION trg_stat_order_cancel() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.kind = 'order' AND NEW.status = 'cancelled' AND OLD.status <> 'cancelled'), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO stat_days(day, customer_id, item_id, ordered_kg, ordered)
  SELECT s.day, s.customer_id, l.item_id, -sum(l.kg), -sum(l.amount)
    FROM stat_orders s JOIN stat_order_lines l ON l.doc_id = s.counted_doc_id
   WHERE s.root_doc_id = (SELECT coalesce(root_doc_id, doc_id) FROM orders WHERE doc_id = NEW.id)
   GROUP BY s.day, s.customer_id, l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    ordered_kg = stat_days.ordered_kg + excluded.ordered_kg, ordered = stat_days.ordered + excluded.ordered;
  UPDATE stat_orders SET counted_doc_id = NULL
   WHERE root_doc_id = (SELECT coalesce(root_doc_id, doc_id) FROM orders WHERE doc_id = NEW.id);
  RETURN NULL;
END $f$;
CREATE TRIGGER stat_order_cancel AFTER UPDATE OF status ON documents FOR EACH ROW EXECUTE FUNCTION trg_stat_order_cancel();
