-- from SQLite's text 3760f6ab5b46: the number's digits as text (SQLite's CASE mixes a number and a text)
CREATE OR REPLACE FUNCTION trg_order_numbers_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (
     SELECT 1 FROM documents d JOIN orders o ON o.doc_id = d.id JOIN transitions t ON t.doc_id = d.id
      WHERE d.id = NEW.order_doc_id AND d.kind = 'order' AND d.status = 'approved' AND o.revision = 1
        AND t.id = (SELECT max(id) FROM transitions WHERE doc_id = d.id)
        AND t.action = 'approve' AND t.signoff = 1 AND t.actor_id = NEW.updated_by) THEN
    RAISE EXCEPTION 'orderdesk:number_needs_signoff';
  END IF;
  IF NEW.seq IS DISTINCT FROM (SELECT last_seq + 1 FROM order_series WHERE series = NEW.series)
      OR NEW.seq IS DISTINCT FROM (SELECT coalesce(max(seq), 0) + 1 FROM order_numbers WHERE series = NEW.series)
      OR NEW.order_no IS DISTINCT FROM (SELECT replace(series, '{seq}',
                               CASE WHEN length(NEW.seq::text) >= digits THEN NEW.seq::text ELSE lpad(NEW.seq::text, digits::int, '0') END)
                                FROM order_series WHERE series = NEW.series) THEN
    RAISE EXCEPTION 'orderdesk:number_gap';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER order_numbers_guard BEFORE INSERT ON order_numbers FOR EACH ROW EXECUTE FUNCTION trg_order_numbers_guard();
