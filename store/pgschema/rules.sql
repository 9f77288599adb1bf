CREATE VIEW credit_balances AS
SELECT s.credit_doc_id, s.customer_id, c.invoice_doc_id, s.credit_no, s.issued_on, s.amount AS total,
       coalesce((SELECT sum(a.amount) FROM credit_allocations a WHERE a.credit_doc_id = s.credit_doc_id), 0) AS allocated
  FROM credit_issues s JOIN documents d ON d.id = s.credit_doc_id JOIN credits c ON c.doc_id = s.credit_doc_id
 WHERE d.status = 'issued';

CREATE VIEW opening_open AS
SELECT o.id, o.customer_id, o.batch_doc_id, o.as_of, o.amount,
       coalesce((SELECT sum(a.amount) FROM allocations a JOIN receipts p ON p.id = a.receipt_id
                  WHERE a.invoice_doc_id = o.batch_doc_id AND p.customer_id = o.customer_id), 0) AS allocated
  FROM opening_balances o;

CREATE VIEW settlements AS
SELECT invoice_doc_id, amount, allocated_on FROM allocations
UNION ALL
SELECT invoice_doc_id, amount, allocated_on FROM credit_allocations;

CREATE VIEW invoice_balances AS
SELECT s.invoice_doc_id, s.customer_id, i.order_doc_id, s.invoice_no, s.issued_on, s.due_on, s.amount AS total,
       coalesce((SELECT sum(a.amount) FROM settlements a WHERE a.invoice_doc_id = s.invoice_doc_id), 0) AS allocated,
       s.amount - coalesce((SELECT sum(a.amount) FROM settlements a WHERE a.invoice_doc_id = s.invoice_doc_id), 0) AS open
  FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id JOIN invoices i ON i.doc_id = s.invoice_doc_id
 WHERE d.status IN ('issued', 'mailed')
UNION ALL
SELECT o.batch_doc_id, o.customer_id, NULL, '', o.as_of, o.as_of, o.amount, o.allocated, o.amount - o.allocated
  FROM opening_open o;

CREATE VIEW delivery_line_billed AS
SELECT id, doc_id, order_line_id, removed, qty, weight, note_amount,
       CASE WHEN loaded AND price IS NOT NULL
            THEN (price * CASE price_basis WHEN 'weight' THEN weight ELSE qty END + 500) / 1000
            ELSE note_amount END AS amount
  FROM (SELECT dl.id, dl.doc_id, dl.order_line_id, dl.removed, dl.amount AS note_amount, l.price, l.price_basis,
               x.id IS NOT NULL AS loaded,
               coalesce(x.qty, dl.qty) AS qty,
               CASE WHEN x.id IS NULL THEN dl.weight
                    WHEN o.weighing = 'weighed' THEN x.weight
                    WHEN x.qty = dl.qty THEN dl.weight
                    ELSE (2 * dl.weight * x.qty + dl.qty) / (2 * dl.qty) END AS weight
          FROM delivery_lines dl JOIN order_lines l ON l.id = dl.order_line_id JOIN orders o ON o.doc_id = l.doc_id
          LEFT JOIN delivery_loads x ON x.delivery_line_id = dl.id) AS sub1;

CREATE VIEW note_uninvoiced AS
SELECT r.note_doc_id, r.customer_id, r.order_doc_id, r.due_on,
       (SELECT coalesce(sum(greatest(b.amount - coalesce((SELECT sum(il.amount) FROM invoice_lines il
                                                       JOIN documents idoc ON idoc.id = il.doc_id
                                                      WHERE il.delivery_line_id = b.id AND il.removed = 0
                                                        AND idoc.status IN ('issued', 'mailed')), 0), 0)), 0)
          FROM delivery_line_billed b WHERE b.doc_id = r.note_doc_id AND b.removed = 0) AS amount
  FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
 WHERE d.status <> 'void';

CREATE VIEW release_billed AS
SELECT r.id, r.note_doc_id, r.order_doc_id, r.customer_id, r.released_on, r.due_on,
       r.amount + (SELECT coalesce(sum(b.amount - b.note_amount), 0) FROM delivery_line_billed b
                    WHERE b.doc_id = r.note_doc_id AND b.removed = 0) AS amount
  FROM delivery_releases r;

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

CREATE VIEW delivery_left_on AS
SELECT note_doc_id, substr(shipped_at, 1, 10) AS day FROM delivery_dispatches;

CREATE VIEW delivery_line_credited_back AS
SELECT cl.id, il.delivery_line_id, cl.qty, cl.weight
  FROM credit_lines cl JOIN documents d ON d.id = cl.doc_id JOIN invoice_lines il ON il.id = cl.invoice_line_id
 WHERE cl.removed = 0 AND d.status <> 'void';

CREATE VIEW delivery_line_received_back AS
SELECT rl.delivery_line_id, sum(rl.qty) AS qty, sum(rl.weight) AS weight
  FROM goods_return_lines rl JOIN goods_return_receipts x ON x.return_doc_id = rl.doc_id
 WHERE rl.removed = 0 GROUP BY rl.delivery_line_id;

CREATE VIEW delivery_line_returned AS
SELECT rl.id, rl.delivery_line_id, rl.qty, rl.weight, rl.amount
  FROM goods_return_lines rl JOIN documents d ON d.id = rl.doc_id
 WHERE rl.removed = 0 AND d.status <> 'void';

CREATE VIEW editable_documents(id) AS
  SELECT d.id FROM documents d JOIN wf_states s ON s.kind = d.kind AND s.status = d.status WHERE s.editable = 1;

CREATE VIEW invoice_credited AS
SELECT c.invoice_doc_id, sum(c.total) AS credited
  FROM credits c JOIN documents d ON d.id = c.doc_id
 WHERE d.status <> 'void' GROUP BY c.invoice_doc_id;

CREATE VIEW materials_register AS
SELECT m.doc_id AS key_doc_id, 1 AS entry, d.ref AS ref, d.status AS status, d.version AS version, d.maker_id AS sender_id,
       m.customer_id AS customer_id, m.lead_doc_id AS lead_doc_id, m.contact AS contact, m.what AS what,
       m.description AS description, m.sent_on AS sent_on, m.via AS via, m.courier AS courier, m.tracking AS tracking,
       m.order_doc_id AS link_doc_id, d.created_at AS created_at
  FROM materials m JOIN documents d ON d.id = m.doc_id
UNION ALL
SELECT x.invoice_doc_id, 0, coalesce(s.invoice_no, d.ref),
       CASE WHEN d.status = 'void' THEN 'void'
            WHEN EXISTS (SELECT 1 FROM material_receipts r WHERE r.sent_doc_id = x.invoice_doc_id) THEN 'received'
            
            WHEN EXISTS (SELECT 1 FROM receivable_open b WHERE b.invoice_doc_id = x.invoice_doc_id AND b.open <= 0) THEN 'received'
            ELSE 'sent' END,
       d.version, x.updated_by, i.customer_id, NULL, coalesce((o.contact)::text, ''), 'invoice', '', x.mailed_on, 'post', '', x.tracking,
       x.invoice_doc_id, x.created_at
  FROM invoice_mailings x JOIN documents d ON d.id = x.invoice_doc_id JOIN invoices i ON i.doc_id = x.invoice_doc_id
  LEFT JOIN invoice_issues s ON s.invoice_doc_id = x.invoice_doc_id LEFT JOIN orders o ON o.doc_id = i.order_doc_id;

CREATE VIEW order_line_returned AS
SELECT dl.order_line_id, rl.qty, rl.weight, rl.amount
  FROM goods_return_lines rl JOIN goods_return_receipts x ON x.return_doc_id = rl.doc_id
  JOIN delivery_lines dl ON dl.id = rl.delivery_line_id
 WHERE rl.removed = 0;

CREATE VIEW order_lines_open AS
SELECT l.id, l.doc_id,
       l.qty - (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents nd ON nd.id = dl.doc_id
                 WHERE dl.order_line_id = l.id AND dl.removed = 0 AND nd.status <> 'void')
             + (SELECT coalesce(sum(qty), 0) FROM order_line_returned WHERE order_line_id = l.id) AS open
  FROM order_lines l WHERE l.removed = 0;

CREATE VIEW return_stat_lines AS
SELECT rl.doc_id, si.id AS item_id, rl.weight AS kg, rl.amount
  FROM goods_return_lines rl JOIN delivery_lines dl ON dl.id = rl.delivery_line_id JOIN order_lines l ON l.id = dl.order_line_id
  LEFT JOIN stat_items si ON si.grade = l.grade AND si.name = l.name AND si.spec = l.spec
 WHERE rl.removed = 0;

CREATE VIEW shipping_override_report AS
SELECT s.doc_id AS override_doc_id, d.ref AS override_ref, d.status, s.created_at AS asked_at, mk.name AS asked_by,
       nd.ref AS note_ref, o.customer_name AS customer, s.gate, s.amount_due, s.reason,
       t.at AS signed_at, su.name AS signed_by, t.comment AS signer_comment, r.released_on
  FROM shipping_overrides s JOIN documents d ON d.id = s.doc_id JOIN users mk ON mk.id = d.maker_id
  JOIN documents nd ON nd.id = s.note_doc_id JOIN delivery_notes n ON n.doc_id = s.note_doc_id
  JOIN orders o ON o.doc_id = n.order_doc_id
  LEFT JOIN transitions t ON t.id = (SELECT max(id) FROM transitions WHERE doc_id = s.doc_id AND signoff = 1)
  LEFT JOIN users su ON su.id = t.actor_id
  LEFT JOIN delivery_releases r ON r.override_doc_id = s.doc_id;

CREATE VIEW stat_invoice_lines AS
SELECT il.doc_id, l.grade, l.name, l.spec, si.id AS item_id, il.weight AS kg, il.amount
  FROM invoice_lines il JOIN order_lines l ON l.id = il.order_line_id
  LEFT JOIN stat_items si ON si.grade = l.grade AND si.name = l.name AND si.spec = l.spec
 WHERE il.removed = 0;

CREATE VIEW stat_note_lines AS
SELECT b.doc_id, l.grade, l.name, l.spec, si.id AS item_id, b.weight AS kg, b.amount, b.id AS delivery_line_id,
       b.weight - dl.weight AS loaded_kg, b.amount - b.note_amount AS loaded_amount
  FROM delivery_line_billed b JOIN delivery_lines dl ON dl.id = b.id JOIN order_lines l ON l.id = b.order_line_id
  LEFT JOIN stat_items si ON si.grade = l.grade AND si.name = l.name AND si.spec = l.spec
 WHERE b.removed = 0;

CREATE VIEW stat_order_lines AS
SELECT l.doc_id, l.grade, l.name, l.spec, si.id AS item_id, l.weight AS kg, coalesce(l.amount, 0) AS amount
  FROM order_lines l LEFT JOIN stat_items si ON si.grade = l.grade AND si.name = l.name AND si.spec = l.spec
 WHERE l.removed = 0;

CREATE OR REPLACE FUNCTION trg_allocations_credit_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.amount > 0 AND EXISTS (SELECT 1 FROM credit_allocations WHERE invoice_doc_id = NEW.invoice_doc_id)), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.amount > (SELECT total FROM invoices WHERE doc_id = NEW.invoice_doc_id)
         - (SELECT coalesce(sum(amount), 0) FROM settlements WHERE invoice_doc_id = NEW.invoice_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:over_allocated';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9829_allocations_credit_guard BEFORE INSERT ON allocations FOR EACH ROW EXECUTE FUNCTION trg_allocations_credit_guard();

CREATE OR REPLACE FUNCTION trg_allocations_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.amount > 0 AND (NEW.updated_by IS DISTINCT FROM NEW.allocated_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.allocated_by AND u.active = 1 AND strpos(u.roles, ',finance,') > 0)) THEN
    RAISE EXCEPTION 'orderdesk:finance_only';
  END IF;
  IF NEW.amount > 0 AND NOT EXISTS (
     SELECT 1 FROM documents d JOIN invoices i ON i.doc_id = d.id JOIN receipts r ON r.id = NEW.receipt_id
      WHERE d.id = NEW.invoice_doc_id AND d.kind = 'invoice' AND d.status IN ('issued', 'mailed')
        AND i.customer_id = r.customer_id AND (r.order_doc_id IS NULL OR r.order_doc_id = i.order_doc_id))
   AND NOT EXISTS (
     SELECT 1 FROM opening_balances o JOIN receipts r ON r.id = NEW.receipt_id
      WHERE o.batch_doc_id = NEW.invoice_doc_id AND o.customer_id = r.customer_id AND r.order_doc_id IS NULL) THEN
    RAISE EXCEPTION 'orderdesk:not_open';
  END IF;
  IF NEW.amount > 0 AND NEW.amount > (SELECT total FROM invoices WHERE doc_id = NEW.invoice_doc_id)
         - (SELECT coalesce(sum(amount), 0) FROM allocations WHERE invoice_doc_id = NEW.invoice_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:over_allocated';
  END IF;
  IF NEW.amount > 0 AND NEW.amount > (SELECT o.amount - o.allocated FROM opening_open o JOIN receipts r ON r.customer_id = o.customer_id
                                           WHERE r.id = NEW.receipt_id AND o.batch_doc_id = NEW.invoice_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:over_allocated';
  END IF;
  IF NEW.amount > 0 AND NEW.amount > (SELECT amount FROM receipts WHERE id = NEW.receipt_id)
         - (SELECT coalesce(sum(amount), 0) FROM allocations WHERE receipt_id = NEW.receipt_id) THEN
    RAISE EXCEPTION 'orderdesk:receipt_exhausted';
  END IF;
  IF NEW.allocated_on > ((substr(NEW.created_at, 1, 10)::date + 1))::text THEN
    RAISE EXCEPTION 'orderdesk:date_in_future';
  END IF;
  IF NEW.amount > 0 AND (NEW.allocated_on < (SELECT received_on FROM receipts WHERE id = NEW.receipt_id)
      OR NEW.allocated_on < (SELECT issued_on FROM invoice_issues WHERE invoice_doc_id = NEW.invoice_doc_id)
      OR NEW.allocated_on < (SELECT o.as_of FROM opening_balances o JOIN receipts r ON r.customer_id = o.customer_id
                              WHERE r.id = NEW.receipt_id AND o.batch_doc_id = NEW.invoice_doc_id)) THEN
    RAISE EXCEPTION 'orderdesk:date_before_issue';
  END IF;
  IF NEW.amount < 0 AND (
         NOT EXISTS (SELECT 1 FROM transitions t JOIN documents d ON d.id = t.doc_id
                      WHERE t.id = (SELECT max(id) FROM transitions WHERE doc_id = NEW.invoice_doc_id)
                        AND d.kind = 'invoice' AND t.to_status = 'void')
      OR -NEW.amount > (SELECT coalesce(sum(amount), 0) FROM allocations WHERE receipt_id = NEW.receipt_id AND invoice_doc_id = NEW.invoice_doc_id)) THEN
    RAISE EXCEPTION 'orderdesk:over_allocated';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9859_allocations_guard BEFORE INSERT ON allocations FOR EACH ROW EXECUTE FUNCTION trg_allocations_guard();

CREATE OR REPLACE FUNCTION trg_allocations_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9926_allocations_no_update BEFORE UPDATE ON allocations FOR EACH ROW EXECUTE FUNCTION trg_allocations_no_update();

CREATE OR REPLACE FUNCTION trg_audit_checkpoints_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9875_audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION trg_audit_checkpoints_no_delete();

CREATE OR REPLACE FUNCTION trg_audit_checkpoints_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9876_audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION trg_audit_checkpoints_no_update();

CREATE OR REPLACE FUNCTION trg_audit_log_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9985_audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION trg_audit_log_no_delete();

CREATE OR REPLACE FUNCTION trg_audit_log_seal_once() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((OLD.hash IS NOT NULL OR NEW.id IS DISTINCT FROM OLD.id OR NEW.at IS DISTINCT FROM OLD.at OR NEW.actor_id IS DISTINCT FROM OLD.actor_id
  OR NEW.tbl IS DISTINCT FROM OLD.tbl OR NEW.row_id IS DISTINCT FROM OLD.row_id OR NEW.op IS DISTINCT FROM OLD.op
  OR NEW.before IS DISTINCT FROM OLD.before OR NEW.after IS DISTINCT FROM OLD.after), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9984_audit_log_seal_once BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION trg_audit_log_seal_once();

CREATE OR REPLACE FUNCTION trg_collection_reminders_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9909_collection_reminders_no_update BEFORE UPDATE ON collection_reminders FOR EACH ROW EXECUTE FUNCTION trg_collection_reminders_no_update();

CREATE OR REPLACE FUNCTION trg_complaint_actions_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.complaint_doc_id AND kind = 'complaint'
                                              AND status IN ('open', 'in_hand', 'resolved')) THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9857_complaint_actions_guard BEFORE INSERT ON complaint_actions FOR EACH ROW EXECUTE FUNCTION trg_complaint_actions_guard();

CREATE OR REPLACE FUNCTION trg_complaint_actions_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9856_complaint_actions_no_update BEFORE UPDATE ON complaint_actions FOR EACH ROW EXECUTE FUNCTION trg_complaint_actions_no_update();

CREATE OR REPLACE FUNCTION trg_complaint_links_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.complaint_doc_id AND kind = 'complaint') THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9853_complaint_links_guard BEFORE INSERT ON complaint_links FOR EACH ROW EXECUTE FUNCTION trg_complaint_links_guard();

CREATE OR REPLACE FUNCTION trg_complaint_links_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9852_complaint_links_no_update BEFORE UPDATE ON complaint_links FOR EACH ROW EXECUTE FUNCTION trg_complaint_links_no_update();

CREATE OR REPLACE FUNCTION trg_complaint_resolutions_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.complaint_doc_id AND kind = 'complaint'
                                              AND status IN ('open', 'in_hand')) THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9855_complaint_resolutions_guard BEFORE INSERT ON complaint_resolutions FOR EACH ROW EXECUTE FUNCTION trg_complaint_resolutions_guard();

CREATE OR REPLACE FUNCTION trg_complaint_resolutions_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9854_complaint_resolutions_no_update BEFORE UPDATE ON complaint_resolutions FOR EACH ROW EXECUTE FUNCTION trg_complaint_resolutions_no_update();

CREATE OR REPLACE FUNCTION trg_complaint_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT kind FROM documents WHERE id = NEW.doc_id) = 'complaint' AND NEW.to_status IN ('resolved', 'closed')), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.to_status = 'resolved'
     AND (SELECT count(*) FROM complaint_resolutions WHERE complaint_doc_id = NEW.doc_id)
      <= (SELECT count(*) FROM transitions WHERE doc_id = NEW.doc_id AND to_status = 'resolved') THEN
    RAISE EXCEPTION 'orderdesk:resolution_missing';
  END IF;
  IF NEW.to_status = 'closed'
     AND NOT EXISTS (SELECT 1 FROM complaint_resolutions WHERE complaint_doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:resolution_missing';
  END IF;
  IF NEW.to_status = 'closed'
     AND NEW.actor_id = (SELECT resolved_by FROM complaint_resolutions WHERE complaint_doc_id = NEW.doc_id ORDER BY id DESC LIMIT 1) THEN
    RAISE EXCEPTION 'orderdesk:resolver_cannot_close';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9851_complaint_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_complaint_transition_guard();

CREATE OR REPLACE FUNCTION trg_credit_allocations_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.amount > 0 AND (NEW.updated_by IS DISTINCT FROM NEW.allocated_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.allocated_by AND u.active = 1 AND strpos(u.roles, ',finance,') > 0)) THEN
    RAISE EXCEPTION 'orderdesk:finance_only';
  END IF;
  IF NEW.amount > 0 AND NOT EXISTS (
     SELECT 1 FROM documents d JOIN invoices i ON i.doc_id = d.id JOIN credits c ON c.doc_id = NEW.credit_doc_id
       JOIN documents cd ON cd.id = c.doc_id
      WHERE d.id = NEW.invoice_doc_id AND d.kind = 'invoice' AND d.status IN ('issued', 'mailed')
        AND cd.status = 'issued' AND i.customer_id = c.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:not_open';
  END IF;
  IF NEW.amount > 0 AND NEW.amount > (SELECT total FROM invoices WHERE doc_id = NEW.invoice_doc_id)
         - (SELECT coalesce(sum(amount), 0) FROM settlements WHERE invoice_doc_id = NEW.invoice_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:over_allocated';
  END IF;
  IF NEW.amount > 0 AND NEW.amount > (SELECT total FROM credits WHERE doc_id = NEW.credit_doc_id)
         - (SELECT coalesce(sum(amount), 0) FROM credit_allocations WHERE credit_doc_id = NEW.credit_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:receipt_exhausted';
  END IF;
  IF NEW.allocated_on > ((substr(NEW.created_at, 1, 10)::date + 1))::text THEN
    RAISE EXCEPTION 'orderdesk:date_in_future';
  END IF;
  IF NEW.amount > 0 AND (NEW.allocated_on < (SELECT issued_on FROM credit_issues WHERE credit_doc_id = NEW.credit_doc_id)
      OR NEW.allocated_on < (SELECT issued_on FROM invoice_issues WHERE invoice_doc_id = NEW.invoice_doc_id)) THEN
    RAISE EXCEPTION 'orderdesk:date_before_issue';
  END IF;
  IF NEW.amount < 0 AND (
         NOT EXISTS (SELECT 1 FROM transitions t
                      WHERE t.to_status = 'void' AND t.id IN ((SELECT max(id) FROM transitions WHERE doc_id = NEW.invoice_doc_id),
                                                              (SELECT max(id) FROM transitions WHERE doc_id = NEW.credit_doc_id)))
      OR -NEW.amount > (SELECT coalesce(sum(amount), 0) FROM credit_allocations
                         WHERE credit_doc_id = NEW.credit_doc_id AND invoice_doc_id = NEW.invoice_doc_id)) THEN
    RAISE EXCEPTION 'orderdesk:over_allocated';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9831_credit_allocations_guard BEFORE INSERT ON credit_allocations FOR EACH ROW EXECUTE FUNCTION trg_credit_allocations_guard();

CREATE OR REPLACE FUNCTION trg_credit_allocations_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9830_credit_allocations_no_update BEFORE UPDATE ON credit_allocations FOR EACH ROW EXECUTE FUNCTION trg_credit_allocations_no_update();

CREATE OR REPLACE FUNCTION trg_credit_issues_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.updated_by IS DISTINCT FROM NEW.issued_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.issued_by AND u.active = 1 AND strpos(u.roles, ',finance,') > 0) THEN
    RAISE EXCEPTION 'orderdesk:finance_only';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM documents d JOIN credits c ON c.doc_id = d.id
                      WHERE d.id = NEW.credit_doc_id AND d.kind = 'credit' AND d.status = 'checked'
                        AND c.customer_id = NEW.customer_id AND c.total = NEW.amount) THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF NEW.issued_by = (SELECT maker_id FROM documents WHERE id = NEW.credit_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:maker_cannot_sign';
  END IF;
  IF NEW.issued_on > ((substr(NEW.created_at, 1, 10)::date + 1))::text THEN
    RAISE EXCEPTION 'orderdesk:date_in_future';
  END IF;
  IF NEW.issued_on < (SELECT s.issued_on FROM credits c JOIN invoice_issues s ON s.invoice_doc_id = c.invoice_doc_id
                           WHERE c.doc_id = NEW.credit_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:date_before_issue';
  END IF;
  IF NOT (pg_typeof(NEW.credit_no)::text = 'text' AND (
         (length(NEW.credit_no) = 20 AND NEW.credit_no !~ '^.*[^0-9].*$')
      OR (length(NEW.credit_no) IN (19, 21) AND substr(NEW.credit_no, (length(NEW.credit_no) + 1 -9)::int, 1) = '-'
          AND replace(NEW.credit_no, '-', '') !~ '^.*[^0-9].*$'
          AND length(replace(NEW.credit_no, '-', '')) = length(NEW.credit_no) - 1))) THEN
    RAISE EXCEPTION 'orderdesk:invoice_no_form';
  END IF;
  IF EXISTS (SELECT 1 FROM invoice_issues WHERE invoice_no = NEW.credit_no) THEN
    RAISE EXCEPTION 'orderdesk:number_taken';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9834_credit_issues_guard BEFORE INSERT ON credit_issues FOR EACH ROW EXECUTE FUNCTION trg_credit_issues_guard();

CREATE OR REPLACE FUNCTION trg_credit_issues_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9833_credit_issues_no_update BEFORE UPDATE ON credit_issues FOR EACH ROW EXECUTE FUNCTION trg_credit_issues_no_update();

CREATE OR REPLACE FUNCTION trg_credit_lines_guard_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM credits c JOIN invoice_lines il ON il.doc_id = c.invoice_doc_id
                      WHERE c.doc_id = NEW.doc_id AND c.basis = 'return' AND il.id = NEW.invoice_line_id AND il.removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:invalid_choice';
  END IF;
  IF NEW.removed = 0 AND (
         NEW.qty > (SELECT qty FROM invoice_lines WHERE id = NEW.invoice_line_id)
           - (SELECT coalesce(sum(cl.qty), 0) FROM credit_lines cl JOIN documents d ON d.id = cl.doc_id
               WHERE cl.invoice_line_id = NEW.invoice_line_id AND cl.removed = 0 AND d.status <> 'void')
      OR NEW.weight > (SELECT weight FROM invoice_lines WHERE id = NEW.invoice_line_id)
           - (SELECT coalesce(sum(cl.weight), 0) FROM credit_lines cl JOIN documents d ON d.id = cl.doc_id
               WHERE cl.invoice_line_id = NEW.invoice_line_id AND cl.removed = 0 AND d.status <> 'void')) THEN
    RAISE EXCEPTION 'orderdesk:over_credited';
  END IF;
  IF NEW.amount IS DISTINCT FROM (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM invoice_lines il JOIN order_lines l ON l.id = il.order_line_id WHERE il.id = NEW.invoice_line_id) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9836_credit_lines_guard_i BEFORE INSERT ON credit_lines FOR EACH ROW EXECUTE FUNCTION trg_credit_lines_guard_i();

CREATE OR REPLACE FUNCTION trg_credit_lines_guard_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.invoice_line_id IS DISTINCT FROM OLD.invoice_line_id OR NEW.doc_id IS DISTINCT FROM OLD.doc_id THEN
    RAISE EXCEPTION 'orderdesk:fixed_field';
  END IF;
  IF NEW.removed = 0 AND (
         NEW.qty > (SELECT qty FROM invoice_lines WHERE id = NEW.invoice_line_id)
           - (SELECT coalesce(sum(cl.qty), 0) FROM credit_lines cl JOIN documents d ON d.id = cl.doc_id
               WHERE cl.invoice_line_id = NEW.invoice_line_id AND cl.removed = 0 AND d.status <> 'void' AND cl.id <> OLD.id)
      OR NEW.weight > (SELECT weight FROM invoice_lines WHERE id = NEW.invoice_line_id)
           - (SELECT coalesce(sum(cl.weight), 0) FROM credit_lines cl JOIN documents d ON d.id = cl.doc_id
               WHERE cl.invoice_line_id = NEW.invoice_line_id AND cl.removed = 0 AND d.status <> 'void' AND cl.id <> OLD.id)) THEN
    RAISE EXCEPTION 'orderdesk:over_credited';
  END IF;
  IF NEW.amount IS DISTINCT FROM (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM invoice_lines il JOIN order_lines l ON l.id = il.order_line_id WHERE il.id = NEW.invoice_line_id) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9835_credit_lines_guard_u BEFORE UPDATE ON credit_lines FOR EACH ROW EXECUTE FUNCTION trg_credit_lines_guard_u();

CREATE OR REPLACE FUNCTION trg_credit_lines_received_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.removed = 0), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.qty > coalesce((SELECT b.qty FROM delivery_line_received_back b JOIN invoice_lines il ON il.delivery_line_id = b.delivery_line_id
                              WHERE il.id = NEW.invoice_line_id), 0)
           - (SELECT coalesce(sum(c.qty), 0) FROM delivery_line_credited_back c JOIN invoice_lines il ON il.delivery_line_id = c.delivery_line_id
               WHERE il.id = NEW.invoice_line_id)
      OR NEW.weight > coalesce((SELECT b.weight FROM delivery_line_received_back b JOIN invoice_lines il ON il.delivery_line_id = b.delivery_line_id
                              WHERE il.id = NEW.invoice_line_id), 0)
           - (SELECT coalesce(sum(c.weight), 0) FROM delivery_line_credited_back c JOIN invoice_lines il ON il.delivery_line_id = c.delivery_line_id
               WHERE il.id = NEW.invoice_line_id) THEN
    RAISE EXCEPTION 'orderdesk:over_credited';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9791_credit_lines_received_i BEFORE INSERT ON credit_lines FOR EACH ROW EXECUTE FUNCTION trg_credit_lines_received_i();

CREATE OR REPLACE FUNCTION trg_credit_lines_received_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.removed = 0), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.qty > coalesce((SELECT b.qty FROM delivery_line_received_back b JOIN invoice_lines il ON il.delivery_line_id = b.delivery_line_id
                              WHERE il.id = NEW.invoice_line_id), 0)
           - (SELECT coalesce(sum(c.qty), 0) FROM delivery_line_credited_back c JOIN invoice_lines il ON il.delivery_line_id = c.delivery_line_id
               WHERE il.id = NEW.invoice_line_id AND c.id <> OLD.id)
      OR NEW.weight > coalesce((SELECT b.weight FROM delivery_line_received_back b JOIN invoice_lines il ON il.delivery_line_id = b.delivery_line_id
                              WHERE il.id = NEW.invoice_line_id), 0)
           - (SELECT coalesce(sum(c.weight), 0) FROM delivery_line_credited_back c JOIN invoice_lines il ON il.delivery_line_id = c.delivery_line_id
               WHERE il.id = NEW.invoice_line_id AND c.id <> OLD.id) THEN
    RAISE EXCEPTION 'orderdesk:over_credited';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9790_credit_lines_received_u BEFORE UPDATE ON credit_lines FOR EACH ROW EXECUTE FUNCTION trg_credit_lines_received_u();

CREATE OR REPLACE FUNCTION trg_credit_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT kind FROM documents WHERE id = NEW.doc_id) = 'credit'), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve')
     AND (SELECT basis FROM credits WHERE doc_id = NEW.doc_id) = 'return'
     AND NOT EXISTS (SELECT 1 FROM credit_lines WHERE doc_id = NEW.doc_id AND removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:no_lines';
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve') AND (
         (SELECT total FROM credits WHERE doc_id = NEW.doc_id) <= 0
      OR ((SELECT basis FROM credits WHERE doc_id = NEW.doc_id) = 'return'
          AND (SELECT total FROM credits WHERE doc_id = NEW.doc_id)
              IS DISTINCT FROM (SELECT coalesce(sum(amount), 0) FROM credit_lines WHERE doc_id = NEW.doc_id AND removed = 0))) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve', 'issue') AND NOT EXISTS (
     SELECT 1 FROM credits c JOIN documents d ON d.id = c.invoice_doc_id
      WHERE c.doc_id = NEW.doc_id AND d.status IN ('issued', 'mailed')) THEN
    RAISE EXCEPTION 'orderdesk:not_open';
  END IF;
  IF NEW.action = 'issue' AND NOT EXISTS (
     SELECT 1 FROM credit_issues WHERE credit_doc_id = NEW.doc_id AND issued_by = NEW.actor_id) THEN
    RAISE EXCEPTION 'orderdesk:issue_missing';
  END IF;
  IF NEW.action = 'void' AND length(trim(NEW.comment)) = 0 THEN
    RAISE EXCEPTION 'orderdesk:comment_required';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9828_credit_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_credit_transition_guard();

CREATE OR REPLACE FUNCTION trg_credit_void_reversals() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.action = 'void' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) IN ('credit', 'invoice')), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO credit_allocations(credit_doc_id, invoice_doc_id, amount, allocated_on, allocated_by, created_at, updated_at, updated_by)
  SELECT credit_doc_id, invoice_doc_id, -sum(amount), substr(NEW.at, 1, 10), NEW.actor_id, NEW.at, NEW.at, NEW.actor_id
    FROM credit_allocations WHERE credit_doc_id = NEW.doc_id OR invoice_doc_id = NEW.doc_id
   GROUP BY credit_doc_id, invoice_doc_id HAVING sum(amount) > 0;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9826_credit_void_reversals AFTER INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_credit_void_reversals();

CREATE OR REPLACE FUNCTION trg_credits_guard_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM invoices i JOIN documents d ON d.id = i.doc_id
                      WHERE i.doc_id = NEW.invoice_doc_id AND d.kind = 'invoice' AND d.status IN ('issued', 'mailed')
                        AND i.customer_id = NEW.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:not_open';
  END IF;
  IF NEW.total > (SELECT amount FROM invoice_issues WHERE invoice_doc_id = NEW.invoice_doc_id)
         - coalesce((SELECT credited FROM invoice_credited WHERE invoice_doc_id = NEW.invoice_doc_id), 0) THEN
    RAISE EXCEPTION 'orderdesk:over_credited';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9838_credits_guard_i BEFORE INSERT ON credits FOR EACH ROW EXECUTE FUNCTION trg_credits_guard_i();

CREATE OR REPLACE FUNCTION trg_credits_guard_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.invoice_doc_id IS DISTINCT FROM OLD.invoice_doc_id OR NEW.customer_id IS DISTINCT FROM OLD.customer_id OR NEW.basis IS DISTINCT FROM OLD.basis THEN
    RAISE EXCEPTION 'orderdesk:fixed_field';
  END IF;
  IF NEW.total > (SELECT amount FROM invoice_issues WHERE invoice_doc_id = NEW.invoice_doc_id)
         - (SELECT coalesce(sum(c.total), 0) FROM credits c JOIN documents d ON d.id = c.doc_id
             WHERE c.invoice_doc_id = NEW.invoice_doc_id AND d.status <> 'void' AND c.doc_id <> OLD.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:over_credited';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9837_credits_guard_u BEFORE UPDATE ON credits FOR EACH ROW EXECUTE FUNCTION trg_credits_guard_u();

CREATE OR REPLACE FUNCTION trg_customer_prices_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (
     SELECT 1 FROM quote_lines l JOIN quotes q ON q.doc_id = l.doc_id JOIN documents d ON d.id = l.doc_id
      WHERE l.id = NEW.quote_line_id AND l.doc_id = NEW.quote_doc_id AND l.removed = 0
        AND q.customer_id = NEW.customer_id AND l.grade = NEW.grade AND l.spec = NEW.spec
        AND l.name = NEW.name AND l.unit = NEW.unit AND l.price = NEW.price
        AND d.status = CASE NEW.kind WHEN 'sold' THEN 'won' ELSE 'sent' END) THEN
    RAISE EXCEPTION 'orderdesk:derived_only';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9979_customer_prices_guard BEFORE INSERT ON customer_prices FOR EACH ROW EXECUTE FUNCTION trg_customer_prices_guard();

CREATE OR REPLACE FUNCTION trg_customer_prices_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9977_customer_prices_no_delete BEFORE DELETE ON customer_prices FOR EACH ROW EXECUTE FUNCTION trg_customer_prices_no_delete();

CREATE OR REPLACE FUNCTION trg_customer_prices_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9978_customer_prices_no_update BEFORE UPDATE ON customer_prices FOR EACH ROW EXECUTE FUNCTION trg_customer_prices_no_update();

CREATE OR REPLACE FUNCTION trg_customers_new_terms() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.payment_terms <> 'prepaid' OR NEW.terms_days <> 0 OR NEW.credit_limit <> 0 OR NEW.terms_doc_id IS NOT NULL), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:terms_need_signoff';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9988_customers_new_terms BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION trg_customers_new_terms();

CREATE OR REPLACE FUNCTION trg_customers_terms_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.payment_terms IS DISTINCT FROM OLD.payment_terms OR NEW.terms_days IS DISTINCT FROM OLD.terms_days
  OR NEW.credit_limit IS DISTINCT FROM OLD.credit_limit OR NEW.terms_doc_id IS DISTINCT FROM OLD.terms_doc_id), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.terms_doc_id IS NULL OR NEW.terms_doc_id <= coalesce(OLD.terms_doc_id, 0)
      OR NOT EXISTS (
        SELECT 1 FROM terms_changes t JOIN documents d ON d.id = t.doc_id
         WHERE t.doc_id = NEW.terms_doc_id AND d.status = 'approved' AND t.customer_id = NEW.id
           AND t.new_terms = NEW.payment_terms AND t.new_days = NEW.terms_days AND t.new_credit = NEW.credit_limit) THEN
    RAISE EXCEPTION 'orderdesk:terms_need_signoff';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9987_customers_terms_guard BEFORE UPDATE OF payment_terms, terms_days, credit_limit, terms_doc_id ON customers FOR EACH ROW EXECUTE FUNCTION trg_customers_terms_guard();

CREATE OR REPLACE FUNCTION trg_delivery_dispatches_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.note_doc_id AND kind = 'delivery_note' AND status = 'loaded') THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9938_delivery_dispatches_guard BEFORE INSERT ON delivery_dispatches FOR EACH ROW EXECUTE FUNCTION trg_delivery_dispatches_guard();

CREATE OR REPLACE FUNCTION trg_delivery_dispatches_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9937_delivery_dispatches_no_update BEFORE UPDATE ON delivery_dispatches FOR EACH ROW EXECUTE FUNCTION trg_delivery_dispatches_no_update();

CREATE OR REPLACE FUNCTION trg_delivery_lines_guard_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM order_lines l JOIN delivery_notes n ON n.order_doc_id = l.doc_id
                      WHERE l.id = NEW.order_line_id AND n.doc_id = NEW.doc_id AND l.removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:line_not_in_order';
  END IF;
  IF NEW.removed = 0 AND NEW.qty > (SELECT l.qty FROM order_lines l WHERE l.id = NEW.order_line_id)
         - (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
             WHERE dl.order_line_id = NEW.order_line_id AND dl.removed = 0 AND d.status <> 'void')
         + (SELECT coalesce(sum(qty), 0) FROM order_line_returned WHERE order_line_id = NEW.order_line_id) THEN
    RAISE EXCEPTION 'orderdesk:over_shipped';
  END IF;
  IF NEW.amount IS DISTINCT FROM (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM order_lines l WHERE l.id = NEW.order_line_id) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9800_delivery_lines_guard_i BEFORE INSERT ON delivery_lines FOR EACH ROW EXECUTE FUNCTION trg_delivery_lines_guard_i();

CREATE OR REPLACE FUNCTION trg_delivery_lines_guard_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.order_line_id IS DISTINCT FROM OLD.order_line_id THEN
    RAISE EXCEPTION 'orderdesk:fixed_field';
  END IF;
  IF NEW.removed = 0 AND NEW.qty > (SELECT l.qty FROM order_lines l WHERE l.id = NEW.order_line_id)
         - (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
             WHERE dl.order_line_id = NEW.order_line_id AND dl.removed = 0 AND d.status <> 'void' AND dl.id <> OLD.id)
         + (SELECT coalesce(sum(qty), 0) FROM order_line_returned WHERE order_line_id = NEW.order_line_id) THEN
    RAISE EXCEPTION 'orderdesk:over_shipped';
  END IF;
  IF NEW.amount IS DISTINCT FROM (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM order_lines l WHERE l.id = NEW.order_line_id) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9799_delivery_lines_guard_u BEFORE UPDATE ON delivery_lines FOR EACH ROW EXECUTE FUNCTION trg_delivery_lines_guard_u();

CREATE OR REPLACE FUNCTION trg_delivery_loads_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.updated_by IS DISTINCT FROM NEW.loaded_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.loaded_by AND u.active = 1 AND strpos(u.roles, ',warehouse,') > 0) THEN
    RAISE EXCEPTION 'orderdesk:warehouse_only';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM documents d JOIN delivery_lines l ON l.doc_id = d.id
                      WHERE d.id = NEW.note_doc_id AND d.kind = 'delivery_note' AND d.status = 'released'
                        AND l.id = NEW.delivery_line_id AND l.removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF length(trim(NEW.reason)) = 0
     AND abs(NEW.weight - (SELECT weight FROM delivery_lines WHERE id = NEW.delivery_line_id)) * 100
         > (SELECT weight FROM delivery_lines WHERE id = NEW.delivery_line_id)
           * coalesce((SELECT CAST(value AS bigint) FROM settings WHERE key = 'shipping.weight_tolerance_pct'), 3) THEN
    RAISE EXCEPTION 'orderdesk:weight_reason_missing';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9940_delivery_loads_guard BEFORE INSERT ON delivery_loads FOR EACH ROW EXECUTE FUNCTION trg_delivery_loads_guard();

CREATE OR REPLACE FUNCTION trg_delivery_loads_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9939_delivery_loads_no_update BEFORE UPDATE ON delivery_loads FOR EACH ROW EXECUTE FUNCTION trg_delivery_loads_no_update();

CREATE OR REPLACE FUNCTION trg_delivery_notes_fixed() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.order_doc_id IS DISTINCT FROM OLD.order_doc_id OR NEW.customer_id IS DISTINCT FROM OLD.customer_id), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:fixed_field';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9947_delivery_notes_fixed BEFORE UPDATE OF order_doc_id, customer_id ON delivery_notes FOR EACH ROW EXECUTE FUNCTION trg_delivery_notes_fixed();

CREATE OR REPLACE FUNCTION trg_delivery_notes_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents d JOIN orders o ON o.doc_id = d.id
                      JOIN order_signbacks s ON s.order_doc_id = d.id
                      WHERE d.id = NEW.order_doc_id AND d.kind = 'order'
                        AND d.status IN ('signed', 'in_fulfilment', 'partly_shipped')
                        AND o.customer_id = NEW.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:order_not_signed';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9948_delivery_notes_insert_guard BEFORE INSERT ON delivery_notes FOR EACH ROW EXECUTE FUNCTION trg_delivery_notes_insert_guard();

CREATE OR REPLACE FUNCTION trg_delivery_releases_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents d JOIN delivery_notes n ON n.doc_id = d.id
                      WHERE d.id = NEW.note_doc_id AND d.kind = 'delivery_note' AND d.status = 'approved'
                        AND n.order_doc_id = NEW.order_doc_id AND n.customer_id = NEW.customer_id AND n.total = NEW.amount) THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF NEW.updated_by IS DISTINCT FROM NEW.released_by
      OR NEW.released_on NOT BETWEEN ((substr(NEW.created_at, 1, 10)::date - 1))::text AND ((substr(NEW.created_at, 1, 10)::date + 1))::text
      OR NEW.due_on IS DISTINCT FROM ((substr(NEW.released_on, 1, 10)::date + ((SELECT terms_days FROM orders WHERE doc_id = NEW.order_doc_id))::int))::text THEN
    RAISE EXCEPTION 'orderdesk:fixed_field';
  END IF;
  IF NEW.basis = 'prepaid' AND (
         (SELECT payment_terms FROM orders WHERE doc_id = NEW.order_doc_id) IS DISTINCT FROM 'prepaid'
      OR (SELECT coalesce(sum(amount), 0) FROM payment_confirmations WHERE order_doc_id = NEW.order_doc_id)
         < NEW.amount + (SELECT coalesce(sum(r.amount), 0) FROM release_billed r JOIN documents d ON d.id = r.note_doc_id
                          WHERE r.order_doc_id = NEW.order_doc_id AND d.status <> 'void')) THEN
    RAISE EXCEPTION 'orderdesk:payment_missing';
  END IF;
  IF NEW.basis = 'terms' AND (
         (SELECT payment_terms FROM orders WHERE doc_id = NEW.order_doc_id) IS DISTINCT FROM 'monthly'
      OR (SELECT uninvoiced + invoiced - paid FROM customer_receivables WHERE customer_id = NEW.customer_id) + NEW.amount
         > (SELECT credit_limit FROM customers WHERE id = NEW.customer_id)
      OR (SELECT coalesce(sum(u.amount), 0) FROM note_uninvoiced u
           WHERE u.customer_id = NEW.customer_id
             AND u.due_on < ((substr(NEW.released_on, 1, 10)::date - (coalesce((SELECT CAST(value AS bigint) FROM settings WHERE key = 'shipping.overdue_days'), 30))::int))::text)
       + (SELECT coalesce(sum(b.open), 0) FROM invoice_balances b
           WHERE b.customer_id = NEW.customer_id
             AND b.due_on < ((substr(NEW.released_on, 1, 10)::date - (coalesce((SELECT CAST(value AS bigint) FROM settings WHERE key = 'shipping.overdue_days'), 30))::int))::text)
         > (SELECT paid - allocated FROM customer_receivables WHERE customer_id = NEW.customer_id)) THEN
    RAISE EXCEPTION 'orderdesk:needs_finance';
  END IF;
  IF NEW.basis = 'finance' AND (
         (SELECT payment_terms FROM orders WHERE doc_id = NEW.order_doc_id) IS DISTINCT FROM 'monthly'
      OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.released_by AND u.active = 1 AND strpos(u.roles, ',finance,') > 0)) THEN
    RAISE EXCEPTION 'orderdesk:needs_finance';
  END IF;
  IF NEW.basis = 'finance' AND NEW.released_by = (SELECT maker_id FROM documents WHERE id = NEW.note_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:maker_cannot_sign';
  END IF;
  IF NEW.basis = 'override' AND NOT EXISTS (
     SELECT 1 FROM shipping_overrides s JOIN documents d ON d.id = s.doc_id
      WHERE s.doc_id = NEW.override_doc_id AND s.note_doc_id = NEW.note_doc_id AND d.status = 'approved') THEN
    RAISE EXCEPTION 'orderdesk:override_missing';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9897_delivery_releases_guard BEFORE INSERT ON delivery_releases FOR EACH ROW EXECUTE FUNCTION trg_delivery_releases_guard();

CREATE OR REPLACE FUNCTION trg_delivery_releases_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9941_delivery_releases_no_update BEFORE UPDATE ON delivery_releases FOR EACH ROW EXECUTE FUNCTION trg_delivery_releases_no_update();

CREATE OR REPLACE FUNCTION trg_delivery_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT kind FROM documents WHERE id = NEW.doc_id) = 'delivery_note'), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve')
     AND NOT EXISTS (SELECT 1 FROM delivery_lines WHERE doc_id = NEW.doc_id AND removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:no_lines';
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve')
     AND (SELECT total FROM delivery_notes WHERE doc_id = NEW.doc_id)
         IS DISTINCT FROM (SELECT coalesce(sum(amount), 0) FROM delivery_lines WHERE doc_id = NEW.doc_id AND removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve', 'release') AND NOT EXISTS (
     SELECT 1 FROM delivery_notes n JOIN documents o ON o.id = n.order_doc_id
      WHERE n.doc_id = NEW.doc_id AND o.status IN ('signed', 'in_fulfilment', 'partly_shipped')) THEN
    RAISE EXCEPTION 'orderdesk:order_not_signed';
  END IF;
  IF NEW.action = 'release' AND NOT EXISTS (
     SELECT 1 FROM delivery_releases WHERE note_doc_id = NEW.doc_id AND released_by = NEW.actor_id) THEN
    RAISE EXCEPTION 'orderdesk:release_missing';
  END IF;
  IF NEW.action = 'load' AND EXISTS (
     SELECT 1 FROM delivery_lines l WHERE l.doc_id = NEW.doc_id AND l.removed = 0
        AND NOT EXISTS (SELECT 1 FROM delivery_loads x WHERE x.delivery_line_id = l.id AND x.loaded_by = NEW.actor_id)) THEN
    RAISE EXCEPTION 'orderdesk:load_missing';
  END IF;
  IF NEW.action = 'dispatch' AND NOT EXISTS (SELECT 1 FROM delivery_dispatches WHERE note_doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:dispatch_missing';
  END IF;
  IF NEW.action = 'void' AND length(trim(NEW.comment)) = 0 THEN
    RAISE EXCEPTION 'orderdesk:comment_required';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9936_delivery_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_delivery_transition_guard();

CREATE OR REPLACE FUNCTION trg_document_editors_append_only_d() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9989_document_editors_append_only_d BEFORE DELETE ON document_editors FOR EACH ROW EXECUTE FUNCTION trg_document_editors_append_only_d();

CREATE OR REPLACE FUNCTION trg_document_editors_append_only_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9990_document_editors_append_only_u BEFORE UPDATE ON document_editors FOR EACH ROW EXECUTE FUNCTION trg_document_editors_append_only_u();

CREATE OR REPLACE FUNCTION trg_documents_edit_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.status IS NOT DISTINCT FROM OLD.status AND NOT (
       NEW.kind = 'order' AND NEW.ref IS DISTINCT FROM OLD.ref
   AND NEW.maker_id IS NOT DISTINCT FROM OLD.maker_id AND NEW.subject_id IS NOT DISTINCT FROM OLD.subject_id AND NEW.summary IS NOT DISTINCT FROM OLD.summary
   AND NEW.version IS NOT DISTINCT FROM OLD.version AND NEW.status_since IS NOT DISTINCT FROM OLD.status_since AND NEW.created_at IS NOT DISTINCT FROM OLD.created_at
   AND NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at AND NEW.updated_by IS NOT DISTINCT FROM OLD.updated_by AND NEW.edit_open IS NOT DISTINCT FROM OLD.edit_open
   AND NEW.ref IS NOT DISTINCT FROM (SELECT n.order_no::text || CASE WHEN o.revision > 1 THEN '/'::text || o.revision ELSE '' END
                     FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)
                    WHERE o.doc_id = NEW.id))), false) THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM wf_states s WHERE s.kind = NEW.kind AND s.status = NEW.status AND s.editable = 1) THEN
    RAISE EXCEPTION 'orderdesk:not_editable';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9771_documents_edit_guard BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION trg_documents_edit_guard();

CREATE OR REPLACE FUNCTION trg_documents_edit_log() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.status IS NOT DISTINCT FROM OLD.status AND NOT (
       NEW.kind = 'order' AND NEW.ref IS DISTINCT FROM OLD.ref
   AND NEW.maker_id IS NOT DISTINCT FROM OLD.maker_id AND NEW.subject_id IS NOT DISTINCT FROM OLD.subject_id AND NEW.summary IS NOT DISTINCT FROM OLD.summary
   AND NEW.version IS NOT DISTINCT FROM OLD.version AND NEW.status_since IS NOT DISTINCT FROM OLD.status_since AND NEW.created_at IS NOT DISTINCT FROM OLD.created_at
   AND NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at AND NEW.updated_by IS NOT DISTINCT FROM OLD.updated_by AND NEW.edit_open IS NOT DISTINCT FROM OLD.edit_open
   AND NEW.ref IS NOT DISTINCT FROM (SELECT n.order_no::text || CASE WHEN o.revision > 1 THEN '/'::text || o.revision ELSE '' END
                     FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)
                    WHERE o.doc_id = NEW.id))), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO document_editors(doc_id, user_id, signoffs_before, at)
  VALUES (NEW.id, NEW.updated_by,
          (SELECT count(*) FROM transitions t JOIN documents rd ON rd.id = t.doc_id JOIN wf_states rs ON rs.kind = rd.kind AND rs.status = t.to_status WHERE t.doc_id = NEW.id AND t.signoff = 1 AND rs.editable = 0),
          NEW.updated_at);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9770_documents_edit_log AFTER UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION trg_documents_edit_log();

CREATE OR REPLACE FUNCTION trg_documents_edit_window() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.edit_open IS DISTINCT FROM OLD.edit_open OR OLD.edit_open IS NOT NULL OR NEW.edit_open IS NOT NULL), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.edit_open IS NOT NULL AND NEW.edit_open IS DISTINCT FROM OLD.edit_open
     AND (NEW.edit_open IS DISTINCT FROM NEW.updated_by OR OLD.edit_open IS NOT NULL) THEN
    RAISE EXCEPTION 'orderdesk:edit_window';
  END IF;
  IF OLD.edit_open IS NOT NULL AND NEW.edit_open IS NULL AND NEW.version <= OLD.version THEN
    RAISE EXCEPTION 'orderdesk:edit_window';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    RAISE EXCEPTION 'orderdesk:edit_window';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9772_documents_edit_window BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION trg_documents_edit_window();

CREATE OR REPLACE FUNCTION trg_documents_fixed_fields() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.id IS DISTINCT FROM OLD.id OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.maker_id IS DISTINCT FROM OLD.maker_id OR NEW.created_at IS DISTINCT FROM OLD.created_at), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:fixed_field';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9994_documents_fixed_fields BEFORE UPDATE OF id, kind, maker_id, created_at ON documents FOR EACH ROW EXECUTE FUNCTION trg_documents_fixed_fields();

CREATE OR REPLACE FUNCTION trg_documents_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM wf_states s WHERE s.kind = NEW.kind AND s.status = NEW.status AND s.initial = 1) THEN
    RAISE EXCEPTION 'orderdesk:not_initial_state';
  END IF;
  IF NEW.updated_by <> NEW.maker_id THEN
    RAISE EXCEPTION 'orderdesk:maker_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9995_documents_insert_guard BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION trg_documents_insert_guard();

CREATE OR REPLACE FUNCTION trg_documents_insert_window() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.edit_open IS NOT NULL), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.edit_open IS DISTINCT FROM NEW.maker_id THEN
    RAISE EXCEPTION 'orderdesk:edit_window';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9773_documents_insert_window BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION trg_documents_insert_window();

CREATE OR REPLACE FUNCTION trg_documents_status_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.status IS DISTINCT FROM OLD.status), false) THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (
     SELECT 1 FROM transitions t
      WHERE t.id = (SELECT max(id) FROM transitions WHERE doc_id = NEW.id)
        AND t.from_status = OLD.status AND t.to_status = NEW.status) THEN
    RAISE EXCEPTION 'orderdesk:status_without_transition';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9993_documents_status_guard BEFORE UPDATE OF status ON documents FOR EACH ROW EXECUTE FUNCTION trg_documents_status_guard();

CREATE OR REPLACE FUNCTION trg_follow_ups_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.source = 'complaint' AND NOT EXISTS (
     SELECT 1 FROM documents d JOIN complaints c ON c.doc_id = d.id
      WHERE d.id = NEW.source_doc_id AND d.kind = 'complaint' AND d.status IN ('resolved', 'closed') AND c.customer_id = NEW.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF NEW.source = 'delivery' AND NOT EXISTS (
     SELECT 1 FROM delivery_notes n JOIN delivery_dispatches x ON x.note_doc_id = n.doc_id
      WHERE n.doc_id = NEW.source_doc_id AND n.customer_id = NEW.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9850_follow_ups_guard BEFORE INSERT ON follow_ups FOR EACH ROW EXECUTE FUNCTION trg_follow_ups_guard();

CREATE OR REPLACE FUNCTION trg_follow_ups_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9849_follow_ups_no_update BEFORE UPDATE ON follow_ups FOR EACH ROW EXECUTE FUNCTION trg_follow_ups_no_update();

CREATE OR REPLACE FUNCTION trg_goods_return_lines_guard_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM delivery_lines dl JOIN goods_returns r ON r.note_doc_id = dl.doc_id
                      WHERE dl.id = NEW.delivery_line_id AND r.doc_id = NEW.doc_id AND dl.removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:line_not_in_note';
  END IF;
  IF NEW.removed = 0 AND (
         NEW.qty > (SELECT qty FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(qty), 0) FROM delivery_line_returned WHERE delivery_line_id = NEW.delivery_line_id)
      OR NEW.weight > (SELECT weight FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(weight), 0) FROM delivery_line_returned WHERE delivery_line_id = NEW.delivery_line_id)) THEN
    RAISE EXCEPTION 'orderdesk:over_returned';
  END IF;
  IF NEW.amount IS DISTINCT FROM (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM delivery_lines dl JOIN order_lines l ON l.id = dl.order_line_id WHERE dl.id = NEW.delivery_line_id) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9808_goods_return_lines_guard_i BEFORE INSERT ON goods_return_lines FOR EACH ROW EXECUTE FUNCTION trg_goods_return_lines_guard_i();

CREATE OR REPLACE FUNCTION trg_goods_return_lines_guard_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.delivery_line_id IS DISTINCT FROM OLD.delivery_line_id THEN
    RAISE EXCEPTION 'orderdesk:fixed_field';
  END IF;
  IF NEW.removed = 0 AND (
         NEW.qty > (SELECT qty FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(qty), 0) FROM delivery_line_returned WHERE delivery_line_id = NEW.delivery_line_id AND id <> OLD.id)
      OR NEW.weight > (SELECT weight FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(weight), 0) FROM delivery_line_returned WHERE delivery_line_id = NEW.delivery_line_id AND id <> OLD.id)) THEN
    RAISE EXCEPTION 'orderdesk:over_returned';
  END IF;
  IF NEW.amount IS DISTINCT FROM (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM delivery_lines dl JOIN order_lines l ON l.id = dl.order_line_id WHERE dl.id = NEW.delivery_line_id) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9807_goods_return_lines_guard_u BEFORE UPDATE ON goods_return_lines FOR EACH ROW EXECUTE FUNCTION trg_goods_return_lines_guard_u();

CREATE OR REPLACE FUNCTION trg_goods_return_receipts_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.updated_by IS DISTINCT FROM NEW.received_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.received_by AND u.active = 1 AND strpos(u.roles, ',warehouse,') > 0) THEN
    RAISE EXCEPTION 'orderdesk:warehouse_only';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.return_doc_id AND kind = 'return' AND status = 'checked') THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF NEW.received_by = (SELECT maker_id FROM documents WHERE id = NEW.return_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:maker_cannot_sign';
  END IF;
  IF NEW.received_on NOT BETWEEN ((substr(NEW.created_at, 1, 10)::date - 1))::text AND ((substr(NEW.created_at, 1, 10)::date + 1))::text
      OR NEW.received_on < (SELECT returned_on FROM goods_returns WHERE doc_id = NEW.return_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:fixed_field';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9806_goods_return_receipts_guard BEFORE INSERT ON goods_return_receipts FOR EACH ROW EXECUTE FUNCTION trg_goods_return_receipts_guard();

CREATE OR REPLACE FUNCTION trg_goods_return_receipts_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9805_goods_return_receipts_no_update BEFORE UPDATE ON goods_return_receipts FOR EACH ROW EXECUTE FUNCTION trg_goods_return_receipts_no_update();

CREATE OR REPLACE FUNCTION trg_goods_returns_guard_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents d JOIN delivery_notes n ON n.doc_id = d.id
                      WHERE d.id = NEW.note_doc_id AND d.kind = 'delivery_note' AND d.status IN ('in_transit', 'delivered')
                        AND n.order_doc_id = NEW.order_doc_id AND n.customer_id = NEW.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:note_not_shipped';
  END IF;
  IF NEW.returned_on < (SELECT day FROM delivery_left_on WHERE note_doc_id = NEW.note_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:before_note';
  END IF;
  IF NEW.complaint_doc_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM complaints WHERE doc_id = NEW.complaint_doc_id AND customer_id = NEW.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:customer_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9810_goods_returns_guard_i BEFORE INSERT ON goods_returns FOR EACH ROW EXECUTE FUNCTION trg_goods_returns_guard_i();

CREATE OR REPLACE FUNCTION trg_goods_returns_guard_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.note_doc_id IS DISTINCT FROM OLD.note_doc_id OR NEW.order_doc_id IS DISTINCT FROM OLD.order_doc_id
      OR NEW.customer_id IS DISTINCT FROM OLD.customer_id OR NEW.complaint_doc_id IS DISTINCT FROM OLD.complaint_doc_id THEN
    RAISE EXCEPTION 'orderdesk:fixed_field';
  END IF;
  IF NEW.returned_on < (SELECT day FROM delivery_left_on WHERE note_doc_id = NEW.note_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:before_note';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9809_goods_returns_guard_u BEFORE UPDATE ON goods_returns FOR EACH ROW EXECUTE FUNCTION trg_goods_returns_guard_u();

CREATE OR REPLACE FUNCTION trg_import_batch_signer() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.signoff = 1 AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'import_batch'), false) THEN
    RETURN NEW;
  END IF;
  IF (SELECT what FROM import_batches WHERE doc_id = NEW.doc_id) = 'prices'
     AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.actor_id AND strpos(u.roles, ',supervisor,') > 0) THEN
    RAISE EXCEPTION 'orderdesk:role_not_allowed';
  END IF;
  IF (SELECT what FROM import_batches WHERE doc_id = NEW.doc_id) = 'balances'
     AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.actor_id AND strpos(u.roles, ',finance,') > 0) THEN
    RAISE EXCEPTION 'orderdesk:role_not_allowed';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9868_import_batch_signer BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_import_batch_signer();

CREATE OR REPLACE FUNCTION trg_import_batches_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9872_import_batches_no_delete BEFORE DELETE ON import_batches FOR EACH ROW EXECUTE FUNCTION trg_import_batches_no_delete();

CREATE OR REPLACE FUNCTION trg_import_batches_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9873_import_batches_no_update BEFORE UPDATE ON import_batches FOR EACH ROW EXECUTE FUNCTION trg_import_batches_no_update();

CREATE OR REPLACE FUNCTION trg_import_batches_once() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF EXISTS (SELECT 1 FROM import_batches b JOIN documents d ON d.id = b.doc_id
                  WHERE b.content_hash = NEW.content_hash AND d.status IN ('submitted', 'approved')) THEN
    RAISE EXCEPTION 'orderdesk:already_imported';
  END IF;
  IF NEW.updated_by IS DISTINCT FROM (SELECT maker_id FROM documents WHERE id = NEW.doc_id AND kind = 'import_batch') THEN
    RAISE EXCEPTION 'orderdesk:maker_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9874_import_batches_once BEFORE INSERT ON import_batches FOR EACH ROW EXECUTE FUNCTION trg_import_batches_once();

CREATE OR REPLACE FUNCTION trg_import_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = NEW.doc_id AND d.kind = 'import_batch'
                      AND d.status = 'submitted' AND d.maker_id = NEW.updated_by
                      AND NOT EXISTS (SELECT 1 FROM transitions t WHERE t.doc_id = d.id)) THEN
    RAISE EXCEPTION 'orderdesk:not_editable';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9871_import_lines_guard BEFORE INSERT ON import_lines FOR EACH ROW EXECUTE FUNCTION trg_import_lines_guard();

CREATE OR REPLACE FUNCTION trg_import_lines_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9869_import_lines_no_delete BEFORE DELETE ON import_lines FOR EACH ROW EXECUTE FUNCTION trg_import_lines_no_delete();

CREATE OR REPLACE FUNCTION trg_import_lines_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9870_import_lines_no_update BEFORE UPDATE ON import_lines FOR EACH ROW EXECUTE FUNCTION trg_import_lines_no_update();

CREATE OR REPLACE FUNCTION trg_invoice_credit_void_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.action = 'void' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'invoice'), false) THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM credits c JOIN documents d ON d.id = c.doc_id
                  WHERE c.invoice_doc_id = NEW.doc_id AND d.status <> 'void') THEN
    RAISE EXCEPTION 'orderdesk:credited';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9827_invoice_credit_void_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_invoice_credit_void_guard();

CREATE OR REPLACE FUNCTION trg_invoice_issues_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.updated_by IS DISTINCT FROM NEW.issued_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.issued_by AND u.active = 1 AND strpos(u.roles, ',finance,') > 0) THEN
    RAISE EXCEPTION 'orderdesk:finance_only';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM documents d JOIN invoices i ON i.doc_id = d.id
                      WHERE d.id = NEW.invoice_doc_id AND d.kind = 'invoice' AND d.status = 'checked'
                        AND i.customer_id = NEW.customer_id AND i.total = NEW.amount) THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF NEW.issued_by = (SELECT maker_id FROM documents WHERE id = NEW.invoice_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:maker_cannot_sign';
  END IF;
  IF NEW.issued_on > ((substr(NEW.created_at, 1, 10)::date + 1))::text THEN
    RAISE EXCEPTION 'orderdesk:date_in_future';
  END IF;
  IF NEW.due_on IS DISTINCT FROM (
     SELECT CASE o.payment_terms WHEN 'prepaid' THEN NEW.issued_on
            ELSE ((((date_trunc('month', substr(NEW.issued_on, 1, 10)::date)::date + interval '1 month')::date - 1) + (o.terms_days)::int))::text END
       FROM invoices i JOIN orders o ON o.doc_id = i.order_doc_id WHERE i.doc_id = NEW.invoice_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:fixed_field';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9933_invoice_issues_guard BEFORE INSERT ON invoice_issues FOR EACH ROW EXECUTE FUNCTION trg_invoice_issues_guard();

CREATE OR REPLACE FUNCTION trg_invoice_issues_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9932_invoice_issues_no_update BEFORE UPDATE ON invoice_issues FOR EACH ROW EXECUTE FUNCTION trg_invoice_issues_no_update();

CREATE OR REPLACE FUNCTION trg_invoice_issues_not_credit_no() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF EXISTS (SELECT 1 FROM credit_issues WHERE credit_no = NEW.invoice_no) THEN
    RAISE EXCEPTION 'orderdesk:number_taken';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9832_invoice_issues_not_credit_no BEFORE INSERT ON invoice_issues FOR EACH ROW EXECUTE FUNCTION trg_invoice_issues_not_credit_no();

CREATE OR REPLACE FUNCTION trg_invoice_issues_number_form() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NOT (pg_typeof(NEW.invoice_no)::text = 'text' AND (
       (length(NEW.invoice_no) = 20 AND NEW.invoice_no !~ '^.*[^0-9].*$')
    OR (length(NEW.invoice_no) IN (19, 21) AND substr(NEW.invoice_no, (length(NEW.invoice_no) + 1 -9)::int, 1) = '-'
        AND replace(NEW.invoice_no, '-', '') !~ '^.*[^0-9].*$'
        AND length(replace(NEW.invoice_no, '-', '')) = length(NEW.invoice_no) - 1)))), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:invoice_no_form';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9903_invoice_issues_number_form BEFORE INSERT ON invoice_issues FOR EACH ROW EXECUTE FUNCTION trg_invoice_issues_number_form();

CREATE OR REPLACE FUNCTION trg_invoice_lines_guard_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM delivery_lines dl JOIN delivery_notes n ON n.doc_id = dl.doc_id
                      JOIN documents nd ON nd.id = n.doc_id JOIN invoices i ON i.order_doc_id = n.order_doc_id
                      WHERE dl.id = NEW.delivery_line_id AND i.doc_id = NEW.doc_id AND dl.removed = 0
                        AND dl.order_line_id = NEW.order_line_id AND nd.status IN ('in_transit', 'delivered')) THEN
    RAISE EXCEPTION 'orderdesk:line_not_shipped';
  END IF;
  IF NEW.removed = 0 AND (
         NEW.qty > (SELECT qty FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(il.qty), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
               WHERE il.delivery_line_id = NEW.delivery_line_id AND il.removed = 0 AND d.status <> 'void')
      OR NEW.weight > (SELECT weight FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(il.weight), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
               WHERE il.delivery_line_id = NEW.delivery_line_id AND il.removed = 0 AND d.status <> 'void')) THEN
    RAISE EXCEPTION 'orderdesk:over_invoiced';
  END IF;
  IF NEW.amount IS DISTINCT FROM (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM order_lines l WHERE l.id = NEW.order_line_id) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9899_invoice_lines_guard_i BEFORE INSERT ON invoice_lines FOR EACH ROW EXECUTE FUNCTION trg_invoice_lines_guard_i();

CREATE OR REPLACE FUNCTION trg_invoice_lines_guard_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.delivery_line_id IS DISTINCT FROM OLD.delivery_line_id OR NEW.order_line_id IS DISTINCT FROM OLD.order_line_id THEN
    RAISE EXCEPTION 'orderdesk:fixed_field';
  END IF;
  IF NEW.removed = 0 AND (
         NEW.qty > (SELECT qty FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(il.qty), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
               WHERE il.delivery_line_id = NEW.delivery_line_id AND il.removed = 0 AND d.status <> 'void' AND il.id <> OLD.id)
      OR NEW.weight > (SELECT weight FROM delivery_line_billed WHERE id = NEW.delivery_line_id)
           - (SELECT coalesce(sum(il.weight), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
               WHERE il.delivery_line_id = NEW.delivery_line_id AND il.removed = 0 AND d.status <> 'void' AND il.id <> OLD.id)) THEN
    RAISE EXCEPTION 'orderdesk:over_invoiced';
  END IF;
  IF NEW.amount IS DISTINCT FROM (SELECT coalesce((l.price * CASE l.price_basis WHEN 'weight' THEN NEW.weight ELSE NEW.qty END + 500) / 1000, -1)
                              FROM order_lines l WHERE l.id = NEW.order_line_id) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9898_invoice_lines_guard_u BEFORE UPDATE ON invoice_lines FOR EACH ROW EXECUTE FUNCTION trg_invoice_lines_guard_u();

CREATE OR REPLACE FUNCTION trg_invoice_mailings_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.invoice_doc_id AND kind = 'invoice' AND status = 'issued') THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF NEW.mailed_on > ((substr(NEW.created_at, 1, 10)::date + 1))::text THEN
    RAISE EXCEPTION 'orderdesk:date_in_future';
  END IF;
  IF NEW.mailed_on < (SELECT issued_on FROM invoice_issues WHERE invoice_doc_id = NEW.invoice_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:date_before_issue';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9931_invoice_mailings_guard BEFORE INSERT ON invoice_mailings FOR EACH ROW EXECUTE FUNCTION trg_invoice_mailings_guard();

CREATE OR REPLACE FUNCTION trg_invoice_mailings_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9930_invoice_mailings_no_update BEFORE UPDATE ON invoice_mailings FOR EACH ROW EXECUTE FUNCTION trg_invoice_mailings_no_update();

CREATE OR REPLACE FUNCTION trg_invoice_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT kind FROM documents WHERE id = NEW.doc_id) = 'invoice'), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve')
     AND NOT EXISTS (SELECT 1 FROM invoice_lines WHERE doc_id = NEW.doc_id AND removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:no_lines';
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve')
     AND (SELECT total FROM invoices WHERE doc_id = NEW.doc_id)
         IS DISTINCT FROM (SELECT coalesce(sum(amount), 0) FROM invoice_lines WHERE doc_id = NEW.doc_id AND removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  IF NEW.action = 'issue' AND NOT EXISTS (
     SELECT 1 FROM invoice_issues WHERE invoice_doc_id = NEW.doc_id AND issued_by = NEW.actor_id) THEN
    RAISE EXCEPTION 'orderdesk:issue_missing';
  END IF;
  IF NEW.action = 'mail' AND NOT EXISTS (SELECT 1 FROM invoice_mailings WHERE invoice_doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:mailing_missing';
  END IF;
  IF NEW.action = 'void' AND length(trim(NEW.comment)) = 0 THEN
    RAISE EXCEPTION 'orderdesk:comment_required';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9925_invoice_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_invoice_transition_guard();

CREATE OR REPLACE FUNCTION trg_invoice_void_reversals() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.action = 'void' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'invoice'), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO allocations(receipt_id, invoice_doc_id, amount, allocated_on, allocated_by, created_at, updated_at, updated_by)
  SELECT receipt_id, min(invoice_doc_id), -sum(amount), substr(NEW.at, 1, 10), NEW.actor_id, NEW.at, NEW.at, NEW.actor_id
    FROM allocations WHERE invoice_doc_id = NEW.doc_id GROUP BY receipt_id HAVING sum(amount) > 0;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9924_invoice_void_reversals AFTER INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_invoice_void_reversals();

CREATE OR REPLACE FUNCTION trg_invoices_fixed() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.order_doc_id IS DISTINCT FROM OLD.order_doc_id OR NEW.customer_id IS DISTINCT FROM OLD.customer_id), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:fixed_field';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9934_invoices_fixed BEFORE UPDATE OF order_doc_id, customer_id ON invoices FOR EACH ROW EXECUTE FUNCTION trg_invoices_fixed();

CREATE OR REPLACE FUNCTION trg_invoices_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM orders WHERE doc_id = NEW.order_doc_id AND customer_id = NEW.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:customer_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9935_invoices_insert_guard BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION trg_invoices_insert_guard();

CREATE OR REPLACE FUNCTION trg_lead_contacts_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9847_lead_contacts_no_update BEFORE UPDATE ON lead_contacts FOR EACH ROW EXECUTE FUNCTION trg_lead_contacts_no_update();

CREATE OR REPLACE FUNCTION trg_lead_contacts_owner() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.updated_by
                        AND (strpos(u.roles, ',clerk,') > 0 OR strpos(u.roles, ',supervisor,') > 0))
     AND NEW.updated_by IS DISTINCT FROM (SELECT owner_id FROM leads WHERE doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:not_your_lead';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9845_lead_contacts_owner BEFORE INSERT ON lead_contacts FOR EACH ROW EXECUTE FUNCTION trg_lead_contacts_owner();

CREATE OR REPLACE FUNCTION trg_lead_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT kind FROM documents WHERE id = NEW.doc_id) = 'lead'), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.to_status = 'lost' AND trim(coalesce((NEW.comment)::text, '')) = '' THEN
    RAISE EXCEPTION 'orderdesk:comment_required';
  END IF;
  IF NEW.to_status = 'won' AND (SELECT customer_id FROM leads WHERE doc_id = NEW.doc_id) IS NULL THEN
    RAISE EXCEPTION 'orderdesk:lead_not_converted';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.actor_id
                        AND (strpos(u.roles, ',clerk,') > 0 OR strpos(u.roles, ',supervisor,') > 0))
     AND NEW.actor_id IS DISTINCT FROM (SELECT owner_id FROM leads WHERE doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:not_your_lead';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9846_lead_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_lead_transition_guard();

CREATE OR REPLACE FUNCTION trg_leads_links_kept() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((OLD.customer_id IS NOT NULL AND NEW.customer_id IS DISTINCT FROM OLD.customer_id)
  OR (OLD.inquiry_doc_id IS NOT NULL AND NEW.inquiry_doc_id IS DISTINCT FROM OLD.inquiry_doc_id)), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:fixed_field';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9848_leads_links_kept BEFORE UPDATE OF customer_id, inquiry_doc_id ON leads FOR EACH ROW EXECUTE FUNCTION trg_leads_links_kept();

CREATE OR REPLACE FUNCTION trg_ledger_credit() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO ledger_months(customer_id, month) VALUES (NEW.customer_id, substr(NEW.issued_on, 1, 7))
  ON CONFLICT DO NOTHING;
  UPDATE ledger_months
     SET shipped = shipped - CASE (SELECT basis FROM credits WHERE doc_id = NEW.credit_doc_id) WHEN 'allowance' THEN NEW.amount ELSE 0 END,
         invoiced = invoiced - NEW.amount
   WHERE customer_id = NEW.customer_id AND month = substr(NEW.issued_on, 1, 7);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9793_ledger_credit AFTER INSERT ON credit_issues FOR EACH ROW EXECUTE FUNCTION trg_ledger_credit();

CREATE OR REPLACE FUNCTION trg_ledger_credit_void() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.status = 'void' AND OLD.status <> 'void' AND NEW.kind = 'credit'), false) THEN
    RETURN NULL;
  END IF;
  UPDATE ledger_months
     SET shipped = shipped + CASE (SELECT basis FROM credits WHERE doc_id = NEW.id)
                               WHEN 'allowance' THEN (SELECT amount FROM credit_issues WHERE credit_doc_id = NEW.id) ELSE 0 END,
         invoiced = invoiced + (SELECT amount FROM credit_issues WHERE credit_doc_id = NEW.id)
   WHERE EXISTS (SELECT 1 FROM credit_issues s WHERE s.credit_doc_id = NEW.id
                  AND s.customer_id = ledger_months.customer_id AND substr(s.issued_on, 1, 7) = ledger_months.month);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9792_ledger_credit_void AFTER UPDATE OF status ON documents FOR EACH ROW EXECUTE FUNCTION trg_ledger_credit_void();

CREATE OR REPLACE FUNCTION trg_ledger_issue() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO ledger_months(customer_id, month) VALUES (NEW.customer_id, substr(NEW.issued_on, 1, 7))
  ON CONFLICT DO NOTHING;
  UPDATE ledger_months SET invoiced = invoiced + NEW.amount
   WHERE customer_id = NEW.customer_id AND month = substr(NEW.issued_on, 1, 7);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9922_ledger_issue AFTER INSERT ON invoice_issues FOR EACH ROW EXECUTE FUNCTION trg_ledger_issue();

CREATE OR REPLACE FUNCTION trg_ledger_load() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  UPDATE ledger_months
     SET shipped = shipped + (SELECT b.amount - b.note_amount FROM delivery_line_billed b WHERE b.id = NEW.delivery_line_id)
   WHERE EXISTS (SELECT 1 FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
                  WHERE r.note_doc_id = NEW.note_doc_id AND d.status <> 'void'
                    AND r.customer_id = ledger_months.customer_id AND substr(r.released_on, 1, 7) = ledger_months.month);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9901_ledger_load AFTER INSERT ON delivery_loads FOR EACH ROW EXECUTE FUNCTION trg_ledger_load();

CREATE OR REPLACE FUNCTION trg_ledger_months_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no_delete';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9920_ledger_months_no_delete BEFORE DELETE ON ledger_months FOR EACH ROW EXECUTE FUNCTION trg_ledger_months_no_delete();

CREATE OR REPLACE FUNCTION trg_ledger_opening() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO ledger_months(customer_id, month) VALUES (NEW.customer_id, substr(NEW.as_of, 1, 7))
  ON CONFLICT DO NOTHING;
  UPDATE ledger_months SET shipped = shipped + NEW.amount
   WHERE customer_id = NEW.customer_id AND month = substr(NEW.as_of, 1, 7);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9864_ledger_opening AFTER INSERT ON opening_balances FOR EACH ROW EXECUTE FUNCTION trg_ledger_opening();

CREATE OR REPLACE FUNCTION trg_ledger_receipt() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO ledger_months(customer_id, month) VALUES (NEW.customer_id, substr(NEW.received_on, 1, 7))
  ON CONFLICT DO NOTHING;
  UPDATE ledger_months SET received = received + NEW.amount
   WHERE customer_id = NEW.customer_id AND month = substr(NEW.received_on, 1, 7);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9921_ledger_receipt AFTER INSERT ON receipts FOR EACH ROW EXECUTE FUNCTION trg_ledger_receipt();

CREATE OR REPLACE FUNCTION trg_ledger_release() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO ledger_months(customer_id, month) VALUES (NEW.customer_id, substr(NEW.released_on, 1, 7))
  ON CONFLICT DO NOTHING;
  UPDATE ledger_months SET shipped = shipped + NEW.amount
   WHERE customer_id = NEW.customer_id AND month = substr(NEW.released_on, 1, 7);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9923_ledger_release AFTER INSERT ON delivery_releases FOR EACH ROW EXECUTE FUNCTION trg_ledger_release();

CREATE OR REPLACE FUNCTION trg_ledger_return() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO ledger_months(customer_id, month)
  SELECT customer_id, substr(NEW.received_on, 1, 7) FROM goods_returns WHERE doc_id = NEW.return_doc_id
  ON CONFLICT DO NOTHING;
  UPDATE ledger_months SET shipped = shipped - (SELECT total FROM goods_returns WHERE doc_id = NEW.return_doc_id)
   WHERE customer_id = (SELECT customer_id FROM goods_returns WHERE doc_id = NEW.return_doc_id)
     AND month = substr(NEW.received_on, 1, 7);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9803_ledger_return AFTER INSERT ON goods_return_receipts FOR EACH ROW EXECUTE FUNCTION trg_ledger_return();

CREATE OR REPLACE FUNCTION trg_ledger_void() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((NEW.status = 'void') <> (OLD.status = 'void') AND NEW.kind IN ('delivery_note', 'invoice')), false) THEN
    RETURN NULL;
  END IF;
  UPDATE ledger_months SET shipped = shipped + CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END *
         (SELECT r.amount FROM release_billed r WHERE r.note_doc_id = NEW.id)
   WHERE EXISTS (SELECT 1 FROM delivery_releases r WHERE r.note_doc_id = NEW.id
                  AND r.customer_id = ledger_months.customer_id AND substr(r.released_on, 1, 7) = ledger_months.month);
  UPDATE ledger_months SET invoiced = invoiced + CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END *
         (SELECT s.amount FROM invoice_issues s WHERE s.invoice_doc_id = NEW.id)
   WHERE EXISTS (SELECT 1 FROM invoice_issues s WHERE s.invoice_doc_id = NEW.id
                  AND s.customer_id = ledger_months.customer_id AND substr(s.issued_on, 1, 7) = ledger_months.month);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9900_ledger_void AFTER UPDATE OF status ON documents FOR EACH ROW EXECUTE FUNCTION trg_ledger_void();

CREATE OR REPLACE FUNCTION trg_market_prices_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9972_market_prices_no_update BEFORE UPDATE ON market_prices FOR EACH ROW EXECUTE FUNCTION trg_market_prices_no_update();

CREATE OR REPLACE FUNCTION trg_material_receipts_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM materials_register WHERE key_doc_id = NEW.sent_doc_id AND status = 'sent') THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF NEW.received_on < (SELECT sent_on FROM materials_register WHERE key_doc_id = NEW.sent_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:received_before_sent';
  END IF;
  IF NEW.received_on > ((substr(NEW.created_at, 1, 10)::date + 1))::text THEN
    RAISE EXCEPTION 'orderdesk:date_in_future';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9786_material_receipts_guard BEFORE INSERT ON material_receipts FOR EACH ROW EXECUTE FUNCTION trg_material_receipts_guard();

CREATE OR REPLACE FUNCTION trg_material_receipts_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9787_material_receipts_no_update BEFORE UPDATE ON material_receipts FOR EACH ROW EXECUTE FUNCTION trg_material_receipts_no_update();

CREATE OR REPLACE FUNCTION trg_material_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT kind FROM documents WHERE id = NEW.doc_id) = 'material'), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.to_status = 'received' AND NOT EXISTS (SELECT 1 FROM material_receipts WHERE sent_doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:receipt_unconfirmed';
  END IF;
  IF NEW.to_status = 'void' AND trim(coalesce((NEW.comment)::text, '')) = '' THEN
    RAISE EXCEPTION 'orderdesk:comment_required';
  END IF;
  IF NEW.to_status = 'void'
     AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.actor_id
                        AND (strpos(u.roles, ',clerk,') > 0 OR strpos(u.roles, ',supervisor,') > 0))
     AND NEW.actor_id IS DISTINCT FROM (SELECT maker_id FROM documents WHERE id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:not_your_material';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9785_material_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_material_transition_guard();

CREATE OR REPLACE FUNCTION trg_materials_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.sent_on > ((substr(NEW.created_at, 1, 10)::date + 1))::text THEN
    RAISE EXCEPTION 'orderdesk:date_in_future';
  END IF;
  IF NEW.order_doc_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.order_doc_id AND kind = 'order') THEN
    RAISE EXCEPTION 'orderdesk:invalid_choice';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9788_materials_guard BEFORE INSERT ON materials FOR EACH ROW EXECUTE FUNCTION trg_materials_guard();

CREATE OR REPLACE FUNCTION trg_materials_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9789_materials_no_update BEFORE UPDATE ON materials FOR EACH ROW EXECUTE FUNCTION trg_materials_no_update();

CREATE OR REPLACE FUNCTION trg_meeting_action_done_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM meeting_actions a JOIN documents d ON d.id = a.doc_id
                      WHERE a.id = NEW.action_id AND d.status = 'open') THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.updated_by
                        AND (strpos(u.roles, ',clerk,') > 0 OR strpos(u.roles, ',supervisor,') > 0))
     AND NEW.updated_by IS DISTINCT FROM (SELECT owner_id FROM meeting_actions WHERE id = NEW.action_id) THEN
    RAISE EXCEPTION 'orderdesk:not_your_action';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9815_meeting_action_done_guard BEFORE INSERT ON meeting_action_done FOR EACH ROW EXECUTE FUNCTION trg_meeting_action_done_guard();

CREATE OR REPLACE FUNCTION trg_meeting_action_done_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9811_meeting_action_done_no_update BEFORE UPDATE ON meeting_action_done FOR EACH ROW EXECUTE FUNCTION trg_meeting_action_done_no_update();

CREATE OR REPLACE FUNCTION trg_meeting_actions_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9812_meeting_actions_no_update BEFORE UPDATE ON meeting_actions FOR EACH ROW EXECUTE FUNCTION trg_meeting_actions_no_update();

CREATE OR REPLACE FUNCTION trg_meeting_actions_open() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.doc_id AND kind = 'meeting' AND status = 'open')), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:stale_status';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9816_meeting_actions_open BEFORE INSERT ON meeting_actions FOR EACH ROW EXECUTE FUNCTION trg_meeting_actions_open();

CREATE OR REPLACE FUNCTION trg_meeting_attendees_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9814_meeting_attendees_no_update BEFORE UPDATE ON meeting_attendees FOR EACH ROW EXECUTE FUNCTION trg_meeting_attendees_no_update();

CREATE OR REPLACE FUNCTION trg_meeting_attendees_open() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.doc_id AND kind = 'meeting' AND status = 'open')), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:stale_status';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9818_meeting_attendees_open BEFORE INSERT ON meeting_attendees FOR EACH ROW EXECUTE FUNCTION trg_meeting_attendees_open();

CREATE OR REPLACE FUNCTION trg_meeting_decisions_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9813_meeting_decisions_no_update BEFORE UPDATE ON meeting_decisions FOR EACH ROW EXECUTE FUNCTION trg_meeting_decisions_no_update();

CREATE OR REPLACE FUNCTION trg_meeting_decisions_open() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.doc_id AND kind = 'meeting' AND status = 'open')), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:stale_status';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9817_meeting_decisions_open BEFORE INSERT ON meeting_decisions FOR EACH ROW EXECUTE FUNCTION trg_meeting_decisions_open();

CREATE OR REPLACE FUNCTION trg_meeting_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT kind FROM documents WHERE id = NEW.doc_id) = 'meeting' AND NEW.to_status IN ('done', 'closed')), false) THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM meeting_actions a WHERE a.doc_id = NEW.doc_id
                    AND NOT EXISTS (SELECT 1 FROM meeting_action_done x WHERE x.action_id = a.id)) THEN
    RAISE EXCEPTION 'orderdesk:actions_open';
  END IF;
  IF NEW.to_status = 'closed'
     AND EXISTS (SELECT 1 FROM meeting_action_done x JOIN meeting_actions a ON a.id = x.action_id
                  WHERE a.doc_id = NEW.doc_id AND x.updated_by = NEW.actor_id) THEN
    RAISE EXCEPTION 'orderdesk:closer_did_action';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9781_meeting_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_meeting_transition_guard();

CREATE OR REPLACE FUNCTION trg_meetings_open_only() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT status FROM documents WHERE id = OLD.doc_id) <> 'open' OR NEW.doc_id IS DISTINCT FROM OLD.doc_id), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:stale_status';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9819_meetings_open_only BEFORE UPDATE ON meetings FOR EACH ROW EXECUTE FUNCTION trg_meetings_open_only();

CREATE OR REPLACE FUNCTION trg_opening_balances_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM import_lines l JOIN import_batches b ON b.doc_id = l.doc_id JOIN documents d ON d.id = b.doc_id
                      WHERE l.id = NEW.line_id AND l.doc_id = NEW.batch_doc_id AND b.what = 'balances' AND d.status = 'approved'
                        AND CAST(((l.fields)::jsonb ->> 'fen') AS bigint) = NEW.amount AND ((l.fields)::jsonb ->> 'as_of') = NEW.as_of
                        AND coalesce(l.target_id, -1) = NEW.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:needs_signoff';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9867_opening_balances_guard BEFORE INSERT ON opening_balances FOR EACH ROW EXECUTE FUNCTION trg_opening_balances_guard();

CREATE OR REPLACE FUNCTION trg_opening_balances_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9865_opening_balances_no_delete BEFORE DELETE ON opening_balances FOR EACH ROW EXECUTE FUNCTION trg_opening_balances_no_delete();

CREATE OR REPLACE FUNCTION trg_opening_balances_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9866_opening_balances_no_update BEFORE UPDATE ON opening_balances FOR EACH ROW EXECUTE FUNCTION trg_opening_balances_no_update();

CREATE OR REPLACE FUNCTION trg_order_cancel_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.action = 'approve' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'order_cancel'), false) THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM order_cancels c JOIN documents d ON d.id = c.order_doc_id
                      WHERE c.doc_id = NEW.doc_id AND d.status IN ('approved', 'signed', 'in_fulfilment')) THEN
    RAISE EXCEPTION 'orderdesk:not_cancellable';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9954_order_cancel_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_order_cancel_transition_guard();

CREATE OR REPLACE FUNCTION trg_order_cancels_fixed() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.order_doc_id IS DISTINCT FROM OLD.order_doc_id), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:fixed_field';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9956_order_cancels_fixed BEFORE UPDATE OF order_doc_id ON order_cancels FOR EACH ROW EXECUTE FUNCTION trg_order_cancels_fixed();

CREATE OR REPLACE FUNCTION trg_order_cancels_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.order_doc_id AND kind = 'order'
                      AND status IN ('approved', 'signed', 'in_fulfilment')) THEN
    RAISE EXCEPTION 'orderdesk:not_cancellable';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9957_order_cancels_guard BEFORE INSERT ON order_cancels FOR EACH ROW EXECUTE FUNCTION trg_order_cancels_guard();

CREATE OR REPLACE FUNCTION trg_order_numbers_count() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  UPDATE order_series SET last_seq = NEW.seq, updated_at = NEW.updated_at, updated_by = NEW.updated_by
   WHERE series = NEW.series;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9962_order_numbers_count AFTER INSERT ON order_numbers FOR EACH ROW EXECUTE FUNCTION trg_order_numbers_count();

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
CREATE TRIGGER r9963_order_numbers_guard BEFORE INSERT ON order_numbers FOR EACH ROW EXECUTE FUNCTION trg_order_numbers_guard();

CREATE OR REPLACE FUNCTION trg_order_numbers_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:fixed_field';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9961_order_numbers_no_update BEFORE UPDATE ON order_numbers FOR EACH ROW EXECUTE FUNCTION trg_order_numbers_no_update();

CREATE OR REPLACE FUNCTION trg_order_numbers_ref() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  UPDATE documents SET ref = NEW.order_no WHERE id = NEW.order_doc_id AND ref IS DISTINCT FROM NEW.order_no;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9902_order_numbers_ref AFTER INSERT ON order_numbers FOR EACH ROW EXECUTE FUNCTION trg_order_numbers_ref();

CREATE OR REPLACE FUNCTION trg_order_series_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.series IS DISTINCT FROM OLD.series OR NEW.digits IS DISTINCT FROM OLD.digits THEN
    RAISE EXCEPTION 'orderdesk:fixed_field';
  END IF;
  IF NEW.last_seq IS DISTINCT FROM (SELECT max(seq) FROM order_numbers WHERE series = NEW.series) THEN
    RAISE EXCEPTION 'orderdesk:number_gap';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9964_order_series_guard BEFORE UPDATE ON order_series FOR EACH ROW EXECUTE FUNCTION trg_order_series_guard();

CREATE OR REPLACE FUNCTION trg_order_series_new() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.last_seq <> 0), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:number_gap';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9965_order_series_new BEFORE INSERT ON order_series FOR EACH ROW EXECUTE FUNCTION trg_order_series_new();

CREATE OR REPLACE FUNCTION trg_order_ship_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.action IN ('ship_part', 'ship_all', 'goods_back') AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'order'), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.action = 'ship_all' AND EXISTS (
     SELECT 1 FROM order_lines l WHERE l.doc_id = NEW.doc_id AND l.removed = 0
        AND l.qty > (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
                      WHERE dl.order_line_id = l.id AND dl.removed = 0 AND d.status IN ('in_transit', 'delivered'))
                  - (SELECT coalesce(sum(qty), 0) FROM order_line_returned WHERE order_line_id = l.id)) THEN
    RAISE EXCEPTION 'orderdesk:not_shipped';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM delivery_notes n JOIN documents d ON d.id = n.doc_id
                      WHERE n.order_doc_id = NEW.doc_id AND d.status IN ('in_transit', 'delivered')) THEN
    RAISE EXCEPTION 'orderdesk:not_shipped';
  END IF;
  IF NEW.action = 'goods_back' AND NOT EXISTS (
     SELECT 1 FROM order_lines l JOIN order_line_returned x ON x.order_line_id = l.id WHERE l.doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:not_returned';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9794_order_ship_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_order_ship_transition_guard();

CREATE OR REPLACE FUNCTION trg_order_signbacks_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.order_doc_id AND kind = 'order' AND status = 'approved') THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF NEW.signed_on < (SELECT order_date FROM orders WHERE doc_id = NEW.order_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:signed_before_order';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9959_order_signbacks_guard BEFORE INSERT ON order_signbacks FOR EACH ROW EXECUTE FUNCTION trg_order_signbacks_guard();

CREATE OR REPLACE FUNCTION trg_order_signbacks_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9958_order_signbacks_no_update BEFORE UPDATE ON order_signbacks FOR EACH ROW EXECUTE FUNCTION trg_order_signbacks_no_update();

CREATE OR REPLACE FUNCTION trg_order_stock_answers_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM order_lines l JOIN documents d ON d.id = l.doc_id
                      WHERE l.id = NEW.order_line_id AND l.removed = 0 AND d.kind = 'order'
                        AND d.status IN ('draft', 'submitted', 'sent_back', 'approved', 'signed', 'in_fulfilment')) THEN
    RAISE EXCEPTION 'orderdesk:not_editable';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9953_order_stock_answers_guard BEFORE INSERT ON order_stock_answers FOR EACH ROW EXECUTE FUNCTION trg_order_stock_answers_guard();

CREATE OR REPLACE FUNCTION trg_order_stock_answers_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9952_order_stock_answers_no_update BEFORE UPDATE ON order_stock_answers FOR EACH ROW EXECUTE FUNCTION trg_order_stock_answers_no_update();

CREATE OR REPLACE FUNCTION trg_order_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT kind FROM documents WHERE id = NEW.doc_id) = 'order'), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve')
     AND NOT EXISTS (SELECT 1 FROM order_lines WHERE doc_id = NEW.doc_id AND removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:no_lines';
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve') AND (
         EXISTS (SELECT 1 FROM order_lines WHERE doc_id = NEW.doc_id AND removed = 0 AND (price IS NULL OR weight = 0))
      OR EXISTS (SELECT 1 FROM orders WHERE doc_id = NEW.doc_id
                  AND (trim(signing_place) = '' OR trim(ship_to) = '' OR delivery_date = ''
                       OR total <> (SELECT coalesce(sum(amount), 0) FROM order_lines WHERE doc_id = NEW.doc_id AND removed = 0)))) THEN
    RAISE EXCEPTION 'orderdesk:contract_incomplete';
  END IF;
  IF NEW.action = 'sign_back' AND NOT EXISTS (SELECT 1 FROM order_signbacks WHERE order_doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:signback_missing';
  END IF;
  IF NEW.action = 'sign_back' AND NOT EXISTS (
     SELECT 1 FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id) WHERE o.doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:number_missing';
  END IF;
  IF NEW.action = 'cancel' AND NOT EXISTS (
     SELECT 1 FROM order_cancels c JOIN documents cd ON cd.id = c.doc_id
      WHERE c.order_doc_id = NEW.doc_id AND cd.status = 'approved' AND cd.updated_by = NEW.actor_id) THEN
    RAISE EXCEPTION 'orderdesk:cancel_needs_signoff';
  END IF;
  IF NEW.action = 'revise' AND NOT EXISTS (
     SELECT 1 FROM orders o JOIN documents rd ON rd.id = o.doc_id
      WHERE o.revises_doc_id = NEW.doc_id AND rd.status = 'approved' AND rd.updated_by = NEW.actor_id) THEN
    RAISE EXCEPTION 'orderdesk:revision_missing';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9955_order_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_order_transition_guard();

CREATE OR REPLACE FUNCTION trg_orders_fixed() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.customer_id IS DISTINCT FROM OLD.customer_id OR NEW.quote_doc_id IS DISTINCT FROM OLD.quote_doc_id
  OR NEW.copied_from_doc_id IS DISTINCT FROM OLD.copied_from_doc_id OR NEW.root_doc_id IS DISTINCT FROM OLD.root_doc_id
  OR NEW.revision IS DISTINCT FROM OLD.revision OR NEW.revises_doc_id IS DISTINCT FROM OLD.revises_doc_id), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:fixed_field';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9966_orders_fixed BEFORE UPDATE OF customer_id, quote_doc_id, copied_from_doc_id, root_doc_id, revision, revises_doc_id ON orders FOR EACH ROW EXECUTE FUNCTION trg_orders_fixed();

CREATE OR REPLACE FUNCTION trg_orders_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.revises_doc_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM orders o JOIN documents d ON d.id = o.doc_id
      WHERE o.doc_id = NEW.revises_doc_id AND d.kind = 'order'
        AND d.status IN ('approved', 'signed', 'in_fulfilment')
        AND o.customer_id = NEW.customer_id AND o.revision + 1 = NEW.revision
        AND coalesce(o.root_doc_id, o.doc_id) = NEW.root_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:not_revisable';
  END IF;
  IF NEW.revises_doc_id IS NOT NULL AND EXISTS (
     SELECT 1 FROM orders o JOIN documents d ON d.id = o.doc_id
      WHERE o.revises_doc_id = NEW.revises_doc_id AND d.status NOT IN ('withdrawn')) THEN
    RAISE EXCEPTION 'orderdesk:revision_open';
  END IF;
  IF NEW.quote_doc_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM quotes q JOIN documents d ON d.id = q.doc_id
      WHERE q.doc_id = NEW.quote_doc_id AND d.status = 'won' AND q.customer_id = NEW.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:quote_not_won';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9967_orders_insert_guard BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION trg_orders_insert_guard();

CREATE OR REPLACE FUNCTION trg_overdue_letter_invoices_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no_delete';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9905_overdue_letter_invoices_no_delete BEFORE DELETE ON overdue_letter_invoices FOR EACH ROW EXECUTE FUNCTION trg_overdue_letter_invoices_no_delete();

CREATE OR REPLACE FUNCTION trg_overdue_letter_invoices_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9906_overdue_letter_invoices_no_update BEFORE UPDATE ON overdue_letter_invoices FOR EACH ROW EXECUTE FUNCTION trg_overdue_letter_invoices_no_update();

CREATE OR REPLACE FUNCTION trg_overdue_letters_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9907_overdue_letters_no_update BEFORE UPDATE ON overdue_letters FOR EACH ROW EXECUTE FUNCTION trg_overdue_letters_no_update();

CREATE OR REPLACE FUNCTION trg_payment_confirmations_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.updated_by IS DISTINCT FROM NEW.confirmed_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.confirmed_by AND u.active = 1 AND strpos(u.roles, ',finance,') > 0) THEN
    RAISE EXCEPTION 'orderdesk:finance_only';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM orders WHERE doc_id = NEW.order_doc_id AND customer_id = NEW.customer_id)
      OR (NEW.note_doc_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM delivery_notes WHERE doc_id = NEW.note_doc_id AND order_doc_id = NEW.order_doc_id)) THEN
    RAISE EXCEPTION 'orderdesk:customer_mismatch';
  END IF;
  IF NEW.note_doc_id IS NOT NULL AND NEW.confirmed_by = (SELECT maker_id FROM documents WHERE id = NEW.note_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:maker_cannot_sign';
  END IF;
  IF NEW.received_on > ((substr(NEW.created_at, 1, 10)::date + 1))::text THEN
    RAISE EXCEPTION 'orderdesk:date_in_future';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9946_payment_confirmations_guard BEFORE INSERT ON payment_confirmations FOR EACH ROW EXECUTE FUNCTION trg_payment_confirmations_guard();

CREATE OR REPLACE FUNCTION trg_payment_confirmations_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9945_payment_confirmations_no_update BEFORE UPDATE ON payment_confirmations FOR EACH ROW EXECUTE FUNCTION trg_payment_confirmations_no_update();

CREATE OR REPLACE FUNCTION trg_payment_confirmations_receipt() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO receipts(customer_id, received_on, amount, method, payer, reference, order_doc_id, confirmation_id,
                       recorded_by, created_at, updated_at, updated_by)
  VALUES (NEW.customer_id, NEW.received_on, NEW.amount,
          CASE WHEN NEW.method IN ('bank', 'bill', 'cash', 'other') THEN NEW.method
               WHEN strpos(NEW.method, '承兑') > 0 THEN 'bill'
               WHEN strpos(NEW.method, '现金') > 0 THEN 'cash'
               ELSE 'bank' END,
          (SELECT name FROM customers WHERE id = NEW.customer_id),
          trim(CASE WHEN NEW.method IN ('bank', 'bill', 'cash', 'other') THEN '' ELSE NEW.method END::text || ' '::text || NEW.reference),
          NEW.order_doc_id, NEW.id, NEW.confirmed_by, NEW.created_at, NEW.updated_at, NEW.updated_by);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9927_payment_confirmations_receipt AFTER INSERT ON payment_confirmations FOR EACH ROW EXECUTE FUNCTION trg_payment_confirmations_receipt();

CREATE OR REPLACE FUNCTION trg_price_answer_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.action = 'answer'), false) THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM price_answers WHERE request_doc_id = NEW.doc_id AND answered_by = NEW.actor_id) THEN
    RAISE EXCEPTION 'orderdesk:answer_missing';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9969_price_answer_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_price_answer_transition_guard();

CREATE OR REPLACE FUNCTION trg_price_answers_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.updated_by IS DISTINCT FROM NEW.answered_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.answered_by AND u.active = 1 AND strpos(u.roles, ',purchasing,') > 0) THEN
    RAISE EXCEPTION 'orderdesk:purchasing_only';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.request_doc_id AND kind = 'price_request' AND status = 'open') THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF NEW.answered_by = (SELECT maker_id FROM documents WHERE id = NEW.request_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:maker_cannot_sign';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9971_price_answers_guard BEFORE INSERT ON price_answers FOR EACH ROW EXECUTE FUNCTION trg_price_answers_guard();

CREATE OR REPLACE FUNCTION trg_price_answers_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9970_price_answers_no_update BEFORE UPDATE ON price_answers FOR EACH ROW EXECUTE FUNCTION trg_price_answers_no_update();

CREATE OR REPLACE FUNCTION trg_price_changes_apply() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.kind = 'price_change' AND NEW.status = 'approved' AND OLD.status IS DISTINCT FROM 'approved'), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO price_list(grade, name, spec, unit, price, valid_from, valid_to, change_doc_id, change_line_id, search,
                         created_at, updated_at, updated_by)
  SELECT grade, name, spec, unit, price, valid_from, valid_to, NEW.id, id, lower(grade::text || ' '::text || name::text || ' '::text || spec),
         NEW.updated_at, NEW.updated_at, NEW.updated_by
    FROM price_change_lines WHERE doc_id = NEW.id AND removed = 0 ORDER BY line_no;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9973_price_changes_apply AFTER UPDATE OF status ON documents FOR EACH ROW EXECUTE FUNCTION trg_price_changes_apply();

CREATE OR REPLACE FUNCTION trg_price_list_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (
     SELECT 1 FROM price_change_lines l JOIN documents d ON d.id = l.doc_id
      WHERE l.id = NEW.change_line_id AND l.doc_id = NEW.change_doc_id AND l.removed = 0
        AND d.kind = 'price_change' AND d.status = 'approved'
        AND l.grade = NEW.grade AND l.name = NEW.name AND l.spec = NEW.spec AND l.unit = NEW.unit
        AND l.price = NEW.price AND l.valid_from = NEW.valid_from AND l.valid_to IS NOT DISTINCT FROM NEW.valid_to) THEN
    RAISE EXCEPTION 'orderdesk:price_needs_signoff';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9975_price_list_guard BEFORE INSERT ON price_list FOR EACH ROW EXECUTE FUNCTION trg_price_list_guard();

CREATE OR REPLACE FUNCTION trg_price_list_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:price_needs_signoff';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9974_price_list_no_update BEFORE UPDATE ON price_list FOR EACH ROW EXECUTE FUNCTION trg_price_list_no_update();

CREATE OR REPLACE FUNCTION trg_price_requests_apply() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.kind = 'price_request' AND NEW.status = 'answered' AND OLD.status IS DISTINCT FROM 'answered'), false) THEN
    RETURN NULL;
  END IF;
  UPDATE quote_lines
     SET price = (SELECT price FROM price_answers WHERE request_doc_id = NEW.id),
         amount = ((SELECT price FROM price_answers WHERE request_doc_id = NEW.id) * qty + 500) / 1000,
         price_source = 'request', updated_at = NEW.updated_at, updated_by = NEW.updated_by
   WHERE price IS NULL AND removed = 0
     AND id IN (SELECT l.id FROM price_requests r JOIN quote_lines l
                    ON l.id = r.quote_line_id OR (r.inquiry_line_id IS NOT NULL AND l.inquiry_line_id = r.inquiry_line_id)
                 WHERE r.doc_id = NEW.id)
     AND EXISTS (SELECT 1 FROM documents d JOIN wf_states s ON s.kind = d.kind AND s.status = d.status
                  WHERE d.id = quote_lines.doc_id AND s.editable = 1);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9968_price_requests_apply AFTER UPDATE OF status ON documents FOR EACH ROW EXECUTE FUNCTION trg_price_requests_apply();

CREATE OR REPLACE FUNCTION trg_purchase_plan_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.to_status = 'approved' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'purchase_plan'), false) THEN
    RETURN NEW;
  END IF;
  IF EXISTS (
     SELECT 1 FROM purchase_plans p
       JOIN purchase_plans o ON o.month = p.month AND o.doc_id <> p.doc_id
       JOIN documents od ON od.id = o.doc_id AND od.status IN ('approved', 'sent')
      WHERE p.doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:plan_overlap';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9858_purchase_plan_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_purchase_plan_transition_guard();

CREATE OR REPLACE FUNCTION trg_quote_prices_log() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.kind = 'quote' AND NEW.status IN ('sent', 'won') AND OLD.status IS DISTINCT FROM NEW.status), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO customer_prices(customer_id, grade, spec, name, unit, price, kind, quote_doc_id, quote_line_id, at)
  SELECT q.customer_id, l.grade, l.spec, l.name, l.unit, l.price,
         CASE NEW.status WHEN 'won' THEN 'sold' ELSE 'quoted' END, NEW.id, l.id, NEW.status_since
    FROM quotes q JOIN quote_lines l ON l.doc_id = q.doc_id
   WHERE q.doc_id = NEW.id AND l.removed = 0 AND l.price IS NOT NULL
   ORDER BY l.line_no;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9976_quote_prices_log AFTER UPDATE OF status ON documents FOR EACH ROW EXECUTE FUNCTION trg_quote_prices_log();

CREATE OR REPLACE FUNCTION trg_quote_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.action IN ('submit', 'resubmit', 'revise')
 AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'quote'), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.action <> 'revise' AND NOT EXISTS (SELECT 1 FROM quote_lines WHERE doc_id = NEW.doc_id AND removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:no_lines';
  END IF;
  IF NEW.action <> 'revise' AND EXISTS (SELECT 1 FROM quote_lines WHERE doc_id = NEW.doc_id AND removed = 0 AND price IS NULL) THEN
    RAISE EXCEPTION 'orderdesk:unpriced_lines';
  END IF;
  IF NEW.action = 'revise' AND NOT EXISTS (SELECT 1 FROM quotes WHERE revises_doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:revision_missing';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9980_quote_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_quote_transition_guard();

CREATE OR REPLACE FUNCTION trg_quotes_fixed() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.inquiry_doc_id IS DISTINCT FROM OLD.inquiry_doc_id OR NEW.customer_id IS DISTINCT FROM OLD.customer_id OR NEW.quote_no IS DISTINCT FROM OLD.quote_no
  OR NEW.revision IS DISTINCT FROM OLD.revision OR NEW.revises_doc_id IS DISTINCT FROM OLD.revises_doc_id), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:fixed_field';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9981_quotes_fixed BEFORE UPDATE OF inquiry_doc_id, customer_id, quote_no, revision, revises_doc_id ON quotes FOR EACH ROW EXECUTE FUNCTION trg_quotes_fixed();

CREATE OR REPLACE FUNCTION trg_quotes_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM inquiries i JOIN documents d ON d.id = i.doc_id
                      WHERE i.doc_id = NEW.inquiry_doc_id AND d.kind = 'inquiry' AND i.customer_id = NEW.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:customer_mismatch';
  END IF;
  IF NEW.revises_doc_id IS NOT NULL
     AND (SELECT status FROM documents WHERE id = NEW.revises_doc_id) = 'won' THEN
    RAISE EXCEPTION 'orderdesk:quote_won';
  END IF;
  IF NEW.revises_doc_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM quotes o JOIN documents d ON d.id = o.doc_id
      WHERE o.doc_id = NEW.revises_doc_id AND d.kind = 'quote' AND d.status IN ('approved', 'sent')
        AND o.quote_no = NEW.quote_no AND o.revision + 1 = NEW.revision
        AND o.customer_id = NEW.customer_id AND o.inquiry_doc_id = NEW.inquiry_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:not_revisable';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9982_quotes_insert_guard BEFORE INSERT ON quotes FOR EACH ROW EXECUTE FUNCTION trg_quotes_insert_guard();

CREATE OR REPLACE FUNCTION trg_receipts_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.updated_by IS DISTINCT FROM NEW.recorded_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.recorded_by AND u.active = 1 AND strpos(u.roles, ',finance,') > 0) THEN
    RAISE EXCEPTION 'orderdesk:finance_only';
  END IF;
  IF NEW.received_on > ((substr(NEW.created_at, 1, 10)::date + 1))::text THEN
    RAISE EXCEPTION 'orderdesk:date_in_future';
  END IF;
  IF NEW.order_doc_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM orders WHERE doc_id = NEW.order_doc_id AND customer_id = NEW.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:customer_mismatch';
  END IF;
  IF NEW.confirmation_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM payment_confirmations p WHERE p.id = NEW.confirmation_id AND p.customer_id = NEW.customer_id
        AND p.order_doc_id IS NOT DISTINCT FROM NEW.order_doc_id AND p.amount = NEW.amount AND p.received_on = NEW.received_on) THEN
    RAISE EXCEPTION 'orderdesk:customer_mismatch';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9929_receipts_guard BEFORE INSERT ON receipts FOR EACH ROW EXECUTE FUNCTION trg_receipts_guard();

CREATE OR REPLACE FUNCTION trg_receipts_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9928_receipts_no_update BEFORE UPDATE ON receipts FOR EACH ROW EXECUTE FUNCTION trg_receipts_no_update();

CREATE OR REPLACE FUNCTION trg_receivable_open_allocation() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.amount > 0), false) THEN
    RETURN NULL;
  END IF;
  UPDATE receivable_open SET open = open - NEW.amount WHERE invoice_doc_id = NEW.invoice_doc_id;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9918_receivable_open_allocation AFTER INSERT ON allocations FOR EACH ROW EXECUTE FUNCTION trg_receivable_open_allocation();

CREATE OR REPLACE FUNCTION trg_receivable_open_credit() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  UPDATE receivable_open SET open = open - NEW.amount WHERE invoice_doc_id = NEW.invoice_doc_id AND void = 0;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9825_receivable_open_credit AFTER INSERT ON credit_allocations FOR EACH ROW EXECUTE FUNCTION trg_receivable_open_credit();

CREATE OR REPLACE FUNCTION trg_receivable_open_issue() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO receivable_open(invoice_doc_id, customer_id, invoice_no, order_ref, issued_on, due_on, amount, open)
  VALUES (NEW.invoice_doc_id, NEW.customer_id, NEW.invoice_no,
          coalesce(((SELECT od.ref FROM invoices i JOIN documents od ON od.id = i.order_doc_id WHERE i.doc_id = NEW.invoice_doc_id))::text, ''),
          NEW.issued_on, NEW.due_on, NEW.amount,
          NEW.amount - coalesce((SELECT sum(amount) FROM allocations WHERE invoice_doc_id = NEW.invoice_doc_id), 0));
  RETURN NULL;
END $f$;
CREATE TRIGGER r9919_receivable_open_issue AFTER INSERT ON invoice_issues FOR EACH ROW EXECUTE FUNCTION trg_receivable_open_issue();

CREATE OR REPLACE FUNCTION trg_receivable_open_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no_delete';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9904_receivable_open_no_delete BEFORE DELETE ON receivable_open FOR EACH ROW EXECUTE FUNCTION trg_receivable_open_no_delete();

CREATE OR REPLACE FUNCTION trg_receivable_open_void() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.status = 'void' AND OLD.status <> 'void' AND NEW.kind = 'invoice'), false) THEN
    RETURN NULL;
  END IF;
  UPDATE receivable_open SET open = 0, void = 1 WHERE invoice_doc_id = NEW.id;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9917_receivable_open_void AFTER UPDATE OF status ON documents FOR EACH ROW EXECUTE FUNCTION trg_receivable_open_void();

CREATE OR REPLACE FUNCTION trg_reconciliation_reopenings_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.recon_doc_id AND kind = 'reconciliation' AND status = 'signed') THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9915_reconciliation_reopenings_guard BEFORE INSERT ON reconciliation_reopenings FOR EACH ROW EXECUTE FUNCTION trg_reconciliation_reopenings_guard();

CREATE OR REPLACE FUNCTION trg_reconciliation_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT kind FROM documents WHERE id = NEW.doc_id) = 'reconciliation'), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve') AND EXISTS (
     SELECT 1 FROM reconciliation_diffs WHERE doc_id = NEW.doc_id AND removed = 0 AND resolved = 0) THEN
    RAISE EXCEPTION 'orderdesk:difference_open';
  END IF;
  IF NEW.action = 'approve' AND NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.actor_id AND u.active = 1 AND strpos(u.roles, ',finance,') > 0) THEN
    RAISE EXCEPTION 'orderdesk:finance_only';
  END IF;
  IF NEW.action = 'reopen' AND
         (SELECT count(*) FROM reconciliation_reopenings x JOIN documents xd ON xd.id = x.doc_id
           WHERE x.recon_doc_id = NEW.doc_id AND xd.status = 'approved')
      <= (SELECT count(*) FROM transitions WHERE doc_id = NEW.doc_id AND action = 'reopen') THEN
    RAISE EXCEPTION 'orderdesk:reopening_missing';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9916_reconciliation_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_reconciliation_transition_guard();

CREATE OR REPLACE FUNCTION trg_return_stat_days() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, shipped_kg, shipped)
  SELECT NEW.received_on, min(r.customer_id), l.item_id, -sum(l.kg), -sum(l.amount)
    FROM goods_returns r JOIN return_stat_lines l ON l.doc_id = r.doc_id
   WHERE r.doc_id = NEW.return_doc_id
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    shipped_kg = stat_days.shipped_kg + excluded.shipped_kg, shipped = stat_days.shipped + excluded.shipped;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9802_return_stat_days AFTER INSERT ON goods_return_receipts FOR EACH ROW EXECUTE FUNCTION trg_return_stat_days();

CREATE OR REPLACE FUNCTION trg_return_stat_returned() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, returned_kg, returned)
  SELECT NEW.received_on, min(r.customer_id), l.item_id, sum(l.kg), sum(l.amount)
    FROM goods_returns r JOIN return_stat_lines l ON l.doc_id = r.doc_id
   WHERE r.doc_id = NEW.return_doc_id
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    returned_kg = stat_days.returned_kg + excluded.returned_kg, returned = stat_days.returned + excluded.returned;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9777_return_stat_returned AFTER INSERT ON goods_return_receipts FOR EACH ROW EXECUTE FUNCTION trg_return_stat_returned();

CREATE OR REPLACE FUNCTION trg_return_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT kind FROM documents WHERE id = NEW.doc_id) = 'return'), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve')
     AND NOT EXISTS (SELECT 1 FROM goods_return_lines WHERE doc_id = NEW.doc_id AND removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:no_lines';
  END IF;
  IF NEW.action IN ('submit', 'resubmit', 'approve')
     AND (SELECT total FROM goods_returns WHERE doc_id = NEW.doc_id)
         IS DISTINCT FROM (SELECT coalesce(sum(amount), 0) FROM goods_return_lines WHERE doc_id = NEW.doc_id AND removed = 0) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  IF NEW.action = 'receive' AND NOT EXISTS (
     SELECT 1 FROM goods_return_receipts WHERE return_doc_id = NEW.doc_id AND received_by = NEW.actor_id) THEN
    RAISE EXCEPTION 'orderdesk:receipt_missing';
  END IF;
  IF NEW.action = 'void' AND length(trim(NEW.comment)) = 0 THEN
    RAISE EXCEPTION 'orderdesk:comment_required';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9804_return_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_return_transition_guard();

CREATE OR REPLACE FUNCTION trg_sales_plan_results_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.plan_doc_id AND kind = 'sales_plan' AND status = 'approved') THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9863_sales_plan_results_guard BEFORE INSERT ON sales_plan_results FOR EACH ROW EXECUTE FUNCTION trg_sales_plan_results_guard();

CREATE OR REPLACE FUNCTION trg_sales_plan_results_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9862_sales_plan_results_no_update BEFORE UPDATE ON sales_plan_results FOR EACH ROW EXECUTE FUNCTION trg_sales_plan_results_no_update();

CREATE OR REPLACE FUNCTION trg_sales_plan_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.to_status = 'approved' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'sales_plan'), false) THEN
    RETURN NEW;
  END IF;
  IF EXISTS (
     SELECT 1 FROM sales_plans p
       JOIN sales_plans o ON o.rep_id = p.rep_id AND o.period = p.period AND o.doc_id <> p.doc_id
                         AND o.starts_on <= p.ends_on AND p.starts_on <= o.ends_on
       JOIN documents od ON od.id = o.doc_id AND od.status = 'approved'
      WHERE p.doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:plan_overlap';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9861_sales_plan_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_sales_plan_transition_guard();

CREATE OR REPLACE FUNCTION trg_sales_target_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.to_status = 'approved' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'sales_target'), false) THEN
    RETURN NEW;
  END IF;
  IF EXISTS (
     SELECT 1 FROM sales_targets p
       JOIN sales_targets o ON o.rep_id = p.rep_id AND o.period = p.period AND o.doc_id <> p.doc_id
       JOIN documents od ON od.id = o.doc_id AND od.status = 'approved'
      WHERE p.doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:target_exists';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9860_sales_target_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_sales_target_transition_guard();

CREATE OR REPLACE FUNCTION trg_shipping_open_lines_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  DELETE FROM shipping_open_orders WHERE order_doc_id = (SELECT order_doc_id FROM delivery_notes WHERE doc_id = NEW.doc_id)
     AND NOT EXISTS (SELECT 1 FROM order_lines_open
                      WHERE doc_id = (SELECT order_doc_id FROM delivery_notes WHERE doc_id = NEW.doc_id) AND open > 0);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9796_shipping_open_lines_i AFTER INSERT ON delivery_lines FOR EACH ROW EXECUTE FUNCTION trg_shipping_open_lines_i();

CREATE OR REPLACE FUNCTION trg_shipping_open_lines_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  DELETE FROM shipping_open_orders WHERE order_doc_id = (SELECT order_doc_id FROM delivery_notes WHERE doc_id = NEW.doc_id);
  INSERT INTO shipping_open_orders(order_doc_id)
  SELECT n.order_doc_id FROM delivery_notes n JOIN documents o ON o.id = n.order_doc_id
   WHERE n.doc_id = NEW.doc_id AND o.status IN ('signed', 'in_fulfilment', 'partly_shipped')
     AND EXISTS (SELECT 1 FROM order_lines_open WHERE doc_id = n.order_doc_id AND open > 0);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9795_shipping_open_lines_u AFTER UPDATE ON delivery_lines FOR EACH ROW EXECUTE FUNCTION trg_shipping_open_lines_u();

CREATE OR REPLACE FUNCTION trg_shipping_open_note_moves() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.to_status = 'void' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'delivery_note'), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO shipping_open_orders(order_doc_id)
  SELECT n.order_doc_id FROM delivery_notes n JOIN documents o ON o.id = n.order_doc_id
   WHERE n.doc_id = NEW.doc_id AND o.status IN ('signed', 'in_fulfilment', 'partly_shipped') AND EXISTS (
     SELECT 1 FROM order_lines_open x WHERE x.doc_id = n.order_doc_id
        AND x.open + (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl
                       WHERE dl.doc_id = NEW.doc_id AND dl.order_line_id = x.id AND dl.removed = 0) > 0)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9797_shipping_open_note_moves AFTER INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_shipping_open_note_moves();

CREATE OR REPLACE FUNCTION trg_shipping_open_order_moves() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT kind FROM documents WHERE id = NEW.doc_id) = 'order'), false) THEN
    RETURN NULL;
  END IF;
  DELETE FROM shipping_open_orders WHERE order_doc_id = NEW.doc_id;
  INSERT INTO shipping_open_orders(order_doc_id) SELECT NEW.doc_id
   WHERE NEW.to_status IN ('signed', 'in_fulfilment', 'partly_shipped')
     AND EXISTS (SELECT 1 FROM order_lines_open WHERE doc_id = NEW.doc_id AND open > 0);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9798_shipping_open_order_moves AFTER INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_shipping_open_order_moves();

CREATE OR REPLACE FUNCTION trg_shipping_open_return() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO shipping_open_orders(order_doc_id)
  SELECT r.order_doc_id FROM goods_returns r JOIN documents o ON o.id = r.order_doc_id
   WHERE r.doc_id = NEW.return_doc_id AND o.status IN ('signed', 'in_fulfilment', 'partly_shipped')
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9801_shipping_open_return AFTER INSERT ON goods_return_receipts FOR EACH ROW EXECUTE FUNCTION trg_shipping_open_return();

CREATE OR REPLACE FUNCTION trg_shipping_override_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.action = 'approve' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'shipping_override'), false) THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM shipping_overrides s JOIN documents d ON d.id = s.note_doc_id
                      WHERE s.doc_id = NEW.doc_id AND d.status = 'approved') THEN
    RAISE EXCEPTION 'orderdesk:not_held';
  END IF;
  IF NEW.actor_id = (SELECT d.maker_id FROM shipping_overrides s JOIN documents d ON d.id = s.note_doc_id WHERE s.doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:maker_cannot_sign';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9942_shipping_override_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_shipping_override_transition_guard();

CREATE OR REPLACE FUNCTION trg_shipping_overrides_fixed() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.note_doc_id IS DISTINCT FROM OLD.note_doc_id), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:fixed_field';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9943_shipping_overrides_fixed BEFORE UPDATE OF note_doc_id ON shipping_overrides FOR EACH ROW EXECUTE FUNCTION trg_shipping_overrides_fixed();

CREATE OR REPLACE FUNCTION trg_shipping_overrides_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.note_doc_id AND kind = 'delivery_note' AND status = 'approved') THEN
    RAISE EXCEPTION 'orderdesk:not_held';
  END IF;
  IF EXISTS (SELECT 1 FROM shipping_overrides s JOIN documents d ON d.id = s.doc_id
                  WHERE s.note_doc_id = NEW.note_doc_id AND d.status = 'submitted') THEN
    RAISE EXCEPTION 'orderdesk:override_open';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9944_shipping_overrides_guard BEFORE INSERT ON shipping_overrides FOR EACH ROW EXECUTE FUNCTION trg_shipping_overrides_guard();

CREATE OR REPLACE FUNCTION trg_stat_customer_months_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no_delete';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9886_stat_customer_months_no_delete BEFORE DELETE ON stat_customer_months FOR EACH ROW EXECUTE FUNCTION trg_stat_customer_months_no_delete();

CREATE OR REPLACE FUNCTION trg_stat_customer_owed_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no_delete';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9774_stat_customer_owed_no_delete BEFORE DELETE ON stat_customer_owed FOR EACH ROW EXECUTE FUNCTION trg_stat_customer_owed_no_delete();

CREATE OR REPLACE FUNCTION trg_stat_customer_quarters_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no_delete';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9782_stat_customer_quarters_no_delete BEFORE DELETE ON stat_customer_quarters FOR EACH ROW EXECUTE FUNCTION trg_stat_customer_quarters_no_delete();

CREATE OR REPLACE FUNCTION trg_stat_customer_rep() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((coalesce(NEW.rep_id, 0) <> coalesce(OLD.rep_id, 0)), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO stat_rep_item_months(month, rep_id, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced)
  SELECT substr(day, 1, 7), r.rep_id, item_id, min(r.sign) * sum(ordered_kg), min(r.sign) * sum(ordered), min(r.sign) * sum(shipped_kg),
         min(r.sign) * sum(shipped), min(r.sign) * sum(invoiced_kg), min(r.sign) * sum(invoiced)
    FROM stat_days, (SELECT coalesce(OLD.rep_id, 0) AS rep_id, -1 AS sign UNION ALL SELECT coalesce(NEW.rep_id, 0), 1) r
   WHERE customer_id = NEW.id AND item_id <> 0
   GROUP BY 1, 2, 3
  ON CONFLICT (month, rep_id, item_id) DO UPDATE SET
    ordered_kg = stat_rep_item_months.ordered_kg + excluded.ordered_kg, ordered = stat_rep_item_months.ordered + excluded.ordered,
    shipped_kg = stat_rep_item_months.shipped_kg + excluded.shipped_kg, shipped = stat_rep_item_months.shipped + excluded.shipped,
    invoiced_kg = stat_rep_item_months.invoiced_kg + excluded.invoiced_kg, invoiced = stat_rep_item_months.invoiced + excluded.invoiced;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9888_stat_customer_rep AFTER UPDATE OF rep_id ON customers FOR EACH ROW EXECUTE FUNCTION trg_stat_customer_rep();

CREATE OR REPLACE FUNCTION trg_stat_customer_rep_returned() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((coalesce(NEW.rep_id, 0) <> coalesce(OLD.rep_id, 0)), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO stat_rep_item_months(month, rep_id, item_id, returned_kg, returned)
  SELECT substr(day, 1, 7), r.rep_id, item_id, min(r.sign) * sum(returned_kg), min(r.sign) * sum(returned)
    FROM stat_days, (SELECT coalesce(OLD.rep_id, 0) AS rep_id, -1 AS sign UNION ALL SELECT coalesce(NEW.rep_id, 0), 1) r
   WHERE customer_id = NEW.id AND item_id <> 0
   GROUP BY 1, 2, 3
  ON CONFLICT (month, rep_id, item_id) DO UPDATE SET
    returned_kg = stat_rep_item_months.returned_kg + excluded.returned_kg, returned = stat_rep_item_months.returned + excluded.returned;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9778_stat_customer_rep_returned AFTER UPDATE OF rep_id ON customers FOR EACH ROW EXECUTE FUNCTION trg_stat_customer_rep_returned();

CREATE OR REPLACE FUNCTION trg_stat_customer_years_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no_delete';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9821_stat_customer_years_no_delete BEFORE DELETE ON stat_customer_years FOR EACH ROW EXECUTE FUNCTION trg_stat_customer_years_no_delete();

CREATE OR REPLACE FUNCTION trg_stat_days_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO stat_customer_months(month, customer_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received)
  VALUES (substr(NEW.day, 1, 7), NEW.customer_id, NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped,
          NEW.invoiced_kg, NEW.invoiced, NEW.received)
  ON CONFLICT (month, customer_id) DO UPDATE SET
    ordered_kg = stat_customer_months.ordered_kg + excluded.ordered_kg, ordered = stat_customer_months.ordered + excluded.ordered,
    shipped_kg = stat_customer_months.shipped_kg + excluded.shipped_kg, shipped = stat_customer_months.shipped + excluded.shipped,
    invoiced_kg = stat_customer_months.invoiced_kg + excluded.invoiced_kg, invoiced = stat_customer_months.invoiced + excluded.invoiced,
    received = stat_customer_months.received + excluded.received;
  INSERT INTO stat_item_months(month, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced)
  SELECT substr(NEW.day, 1, 7), NEW.item_id, NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped, NEW.invoiced_kg, NEW.invoiced
   WHERE NEW.item_id <> 0
  ON CONFLICT (month, item_id) DO UPDATE SET
    ordered_kg = stat_item_months.ordered_kg + excluded.ordered_kg, ordered = stat_item_months.ordered + excluded.ordered,
    shipped_kg = stat_item_months.shipped_kg + excluded.shipped_kg, shipped = stat_item_months.shipped + excluded.shipped,
    invoiced_kg = stat_item_months.invoiced_kg + excluded.invoiced_kg, invoiced = stat_item_months.invoiced + excluded.invoiced;
  INSERT INTO stat_rep_item_months(month, rep_id, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced)
  SELECT substr(NEW.day, 1, 7), coalesce(c.rep_id, 0), NEW.item_id, NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped,
         NEW.invoiced_kg, NEW.invoiced
    FROM customers c WHERE c.id = NEW.customer_id AND NEW.item_id <> 0
  ON CONFLICT (month, rep_id, item_id) DO UPDATE SET
    ordered_kg = stat_rep_item_months.ordered_kg + excluded.ordered_kg, ordered = stat_rep_item_months.ordered + excluded.ordered,
    shipped_kg = stat_rep_item_months.shipped_kg + excluded.shipped_kg, shipped = stat_rep_item_months.shipped + excluded.shipped,
    invoiced_kg = stat_rep_item_months.invoiced_kg + excluded.invoiced_kg, invoiced = stat_rep_item_months.invoiced + excluded.invoiced;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9890_stat_days_i AFTER INSERT ON stat_days FOR EACH ROW EXECUTE FUNCTION trg_stat_days_i();

CREATE OR REPLACE FUNCTION trg_stat_days_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no_delete';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9887_stat_days_no_delete BEFORE DELETE ON stat_days FOR EACH ROW EXECUTE FUNCTION trg_stat_days_no_delete();

CREATE OR REPLACE FUNCTION trg_stat_days_owed_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.shipped <> NEW.received), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO stat_customer_owed(customer_id, month, owed)
  SELECT NEW.customer_id, substr(NEW.day, 1, 7),
         coalesce((SELECT o.owed FROM stat_customer_owed o
                    WHERE o.customer_id = NEW.customer_id AND o.month < substr(NEW.day, 1, 7)
                    ORDER BY o.month DESC LIMIT 1), 0)
   WHERE true
  ON CONFLICT (customer_id, month) DO NOTHING;
  UPDATE stat_customer_owed SET owed = owed + NEW.shipped - NEW.received
   WHERE customer_id = NEW.customer_id AND month >= substr(NEW.day, 1, 7);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9776_stat_days_owed_i AFTER INSERT ON stat_days FOR EACH ROW EXECUTE FUNCTION trg_stat_days_owed_i();

CREATE OR REPLACE FUNCTION trg_stat_days_owed_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.shipped - NEW.received <> OLD.shipped - OLD.received), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO stat_customer_owed(customer_id, month, owed)
  SELECT NEW.customer_id, substr(NEW.day, 1, 7),
         coalesce((SELECT o.owed FROM stat_customer_owed o
                    WHERE o.customer_id = NEW.customer_id AND o.month < substr(NEW.day, 1, 7)
                    ORDER BY o.month DESC LIMIT 1), 0)
   WHERE true
  ON CONFLICT (customer_id, month) DO NOTHING;
  UPDATE stat_customer_owed SET owed = owed + NEW.shipped - NEW.received - OLD.shipped + OLD.received
   WHERE customer_id = NEW.customer_id AND month >= substr(NEW.day, 1, 7);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9775_stat_days_owed_u AFTER UPDATE ON stat_days FOR EACH ROW EXECUTE FUNCTION trg_stat_days_owed_u();

CREATE OR REPLACE FUNCTION trg_stat_days_quarters_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO stat_customer_quarters(quarter, customer_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received)
  VALUES ((coalesce((substr(NEW.day, 1, 4))::text, '')::text || '-'::text || lpad(coalesce((((CAST(substr(NEW.day, 6, 2) AS bigint) - 1) / 3 * 3 + 1)::bigint)::text, '0'), greatest(2, length(coalesce((((CAST(substr(NEW.day, 6, 2) AS bigint) - 1) / 3 * 3 + 1)::bigint)::text, '0'))), '0')), NEW.customer_id,
          NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped, NEW.invoiced_kg, NEW.invoiced, NEW.received)
  ON CONFLICT (quarter, customer_id) DO UPDATE SET
    ordered_kg = stat_customer_quarters.ordered_kg + excluded.ordered_kg, ordered = stat_customer_quarters.ordered + excluded.ordered,
    shipped_kg = stat_customer_quarters.shipped_kg + excluded.shipped_kg, shipped = stat_customer_quarters.shipped + excluded.shipped,
    invoiced_kg = stat_customer_quarters.invoiced_kg + excluded.invoiced_kg, invoiced = stat_customer_quarters.invoiced + excluded.invoiced,
    received = stat_customer_quarters.received + excluded.received;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9784_stat_days_quarters_i AFTER INSERT ON stat_days FOR EACH ROW EXECUTE FUNCTION trg_stat_days_quarters_i();

CREATE OR REPLACE FUNCTION trg_stat_days_quarters_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  UPDATE stat_customer_quarters SET
    ordered_kg = ordered_kg + NEW.ordered_kg - OLD.ordered_kg, ordered = ordered + NEW.ordered - OLD.ordered,
    shipped_kg = shipped_kg + NEW.shipped_kg - OLD.shipped_kg, shipped = shipped + NEW.shipped - OLD.shipped,
    invoiced_kg = invoiced_kg + NEW.invoiced_kg - OLD.invoiced_kg, invoiced = invoiced + NEW.invoiced - OLD.invoiced,
    received = received + NEW.received - OLD.received
   WHERE quarter = (coalesce((substr(NEW.day, 1, 4))::text, '')::text || '-'::text || lpad(coalesce((((CAST(substr(NEW.day, 6, 2) AS bigint) - 1) / 3 * 3 + 1)::bigint)::text, '0'), greatest(2, length(coalesce((((CAST(substr(NEW.day, 6, 2) AS bigint) - 1) / 3 * 3 + 1)::bigint)::text, '0'))), '0'))
     AND customer_id = NEW.customer_id;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9783_stat_days_quarters_u AFTER UPDATE ON stat_days FOR EACH ROW EXECUTE FUNCTION trg_stat_days_quarters_u();

CREATE OR REPLACE FUNCTION trg_stat_days_returned_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.returned_kg <> 0 OR NEW.returned <> 0), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO stat_customer_months(month, customer_id, returned_kg, returned)
  VALUES (substr(NEW.day, 1, 7), NEW.customer_id, NEW.returned_kg, NEW.returned)
  ON CONFLICT (month, customer_id) DO UPDATE SET
    returned_kg = stat_customer_months.returned_kg + excluded.returned_kg, returned = stat_customer_months.returned + excluded.returned;
  INSERT INTO stat_item_months(month, item_id, returned_kg, returned)
  SELECT substr(NEW.day, 1, 7), NEW.item_id, NEW.returned_kg, NEW.returned WHERE NEW.item_id <> 0
  ON CONFLICT (month, item_id) DO UPDATE SET
    returned_kg = stat_item_months.returned_kg + excluded.returned_kg, returned = stat_item_months.returned + excluded.returned;
  INSERT INTO stat_rep_item_months(month, rep_id, item_id, returned_kg, returned)
  SELECT substr(NEW.day, 1, 7), coalesce(c.rep_id, 0), NEW.item_id, NEW.returned_kg, NEW.returned
    FROM customers c WHERE c.id = NEW.customer_id AND NEW.item_id <> 0
  ON CONFLICT (month, rep_id, item_id) DO UPDATE SET
    returned_kg = stat_rep_item_months.returned_kg + excluded.returned_kg, returned = stat_rep_item_months.returned + excluded.returned;
  INSERT INTO stat_months(month, customer_id, item_id, returned_kg, returned)
  VALUES (substr(NEW.day, 1, 7), NEW.customer_id, NEW.item_id, NEW.returned_kg, NEW.returned)
  ON CONFLICT (month, customer_id, item_id) DO UPDATE SET
    returned_kg = stat_months.returned_kg + excluded.returned_kg, returned = stat_months.returned + excluded.returned;
  INSERT INTO stat_customer_quarters(quarter, customer_id, returned_kg, returned)
  VALUES ((coalesce((substr(NEW.day, 1, 4))::text, '')::text || '-'::text || lpad(coalesce((((CAST(substr(NEW.day, 6, 2) AS bigint) - 1) / 3 * 3 + 1)::bigint)::text, '0'), greatest(2, length(coalesce((((CAST(substr(NEW.day, 6, 2) AS bigint) - 1) / 3 * 3 + 1)::bigint)::text, '0'))), '0')), NEW.customer_id,
          NEW.returned_kg, NEW.returned)
  ON CONFLICT (quarter, customer_id) DO UPDATE SET
    returned_kg = stat_customer_quarters.returned_kg + excluded.returned_kg, returned = stat_customer_quarters.returned + excluded.returned;
  INSERT INTO stat_customer_years(year, customer_id, returned_kg, returned)
  VALUES (substr(NEW.day, 1, 4), NEW.customer_id, NEW.returned_kg, NEW.returned)
  ON CONFLICT (year, customer_id) DO UPDATE SET
    returned_kg = stat_customer_years.returned_kg + excluded.returned_kg, returned = stat_customer_years.returned + excluded.returned;
  INSERT INTO stat_item_years(year, item_id, returned_kg, returned)
  SELECT substr(NEW.day, 1, 4), NEW.item_id, NEW.returned_kg, NEW.returned WHERE NEW.item_id <> 0
  ON CONFLICT (year, item_id) DO UPDATE SET
    returned_kg = stat_item_years.returned_kg + excluded.returned_kg, returned = stat_item_years.returned + excluded.returned;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9780_stat_days_returned_i AFTER INSERT ON stat_days FOR EACH ROW EXECUTE FUNCTION trg_stat_days_returned_i();

CREATE OR REPLACE FUNCTION trg_stat_days_returned_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.returned_kg <> OLD.returned_kg OR NEW.returned <> OLD.returned), false) THEN
    RETURN NULL;
  END IF;
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
   WHERE quarter = (coalesce((substr(NEW.day, 1, 4))::text, '')::text || '-'::text || lpad(coalesce((((CAST(substr(NEW.day, 6, 2) AS bigint) - 1) / 3 * 3 + 1)::bigint)::text, '0'), greatest(2, length(coalesce((((CAST(substr(NEW.day, 6, 2) AS bigint) - 1) / 3 * 3 + 1)::bigint)::text, '0'))), '0'))
     AND customer_id = NEW.customer_id;
  UPDATE stat_customer_years SET returned_kg = returned_kg + NEW.returned_kg - OLD.returned_kg, returned = returned + NEW.returned - OLD.returned
   WHERE year = substr(NEW.day, 1, 4) AND customer_id = NEW.customer_id;
  UPDATE stat_item_years SET returned_kg = returned_kg + NEW.returned_kg - OLD.returned_kg, returned = returned + NEW.returned - OLD.returned
   WHERE year = substr(NEW.day, 1, 4) AND item_id = NEW.item_id;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9779_stat_days_returned_u AFTER UPDATE ON stat_days FOR EACH ROW EXECUTE FUNCTION trg_stat_days_returned_u();

CREATE OR REPLACE FUNCTION trg_stat_days_rollups_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO stat_months(month, customer_id, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received)
  VALUES (substr(NEW.day, 1, 7), NEW.customer_id, NEW.item_id, NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped,
          NEW.invoiced_kg, NEW.invoiced, NEW.received)
  ON CONFLICT (month, customer_id, item_id) DO UPDATE SET
    ordered_kg = stat_months.ordered_kg + excluded.ordered_kg, ordered = stat_months.ordered + excluded.ordered,
    shipped_kg = stat_months.shipped_kg + excluded.shipped_kg, shipped = stat_months.shipped + excluded.shipped,
    invoiced_kg = stat_months.invoiced_kg + excluded.invoiced_kg, invoiced = stat_months.invoiced + excluded.invoiced,
    received = stat_months.received + excluded.received;
  INSERT INTO stat_customer_years(year, customer_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received)
  VALUES (substr(NEW.day, 1, 4), NEW.customer_id, NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped,
          NEW.invoiced_kg, NEW.invoiced, NEW.received)
  ON CONFLICT (year, customer_id) DO UPDATE SET
    ordered_kg = stat_customer_years.ordered_kg + excluded.ordered_kg, ordered = stat_customer_years.ordered + excluded.ordered,
    shipped_kg = stat_customer_years.shipped_kg + excluded.shipped_kg, shipped = stat_customer_years.shipped + excluded.shipped,
    invoiced_kg = stat_customer_years.invoiced_kg + excluded.invoiced_kg, invoiced = stat_customer_years.invoiced + excluded.invoiced,
    received = stat_customer_years.received + excluded.received;
  INSERT INTO stat_item_years(year, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced)
  SELECT substr(NEW.day, 1, 4), NEW.item_id, NEW.ordered_kg, NEW.ordered, NEW.shipped_kg, NEW.shipped, NEW.invoiced_kg, NEW.invoiced
   WHERE NEW.item_id <> 0
  ON CONFLICT (year, item_id) DO UPDATE SET
    ordered_kg = stat_item_years.ordered_kg + excluded.ordered_kg, ordered = stat_item_years.ordered + excluded.ordered,
    shipped_kg = stat_item_years.shipped_kg + excluded.shipped_kg, shipped = stat_item_years.shipped + excluded.shipped,
    invoiced_kg = stat_item_years.invoiced_kg + excluded.invoiced_kg, invoiced = stat_item_years.invoiced + excluded.invoiced;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9824_stat_days_rollups_i AFTER INSERT ON stat_days FOR EACH ROW EXECUTE FUNCTION trg_stat_days_rollups_i();

CREATE OR REPLACE FUNCTION trg_stat_days_rollups_u() RETURNS trigger LANGUAGE plpgsql AS $f$
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
  RETURN NULL;
END $f$;
CREATE TRIGGER r9823_stat_days_rollups_u AFTER UPDATE ON stat_days FOR EACH ROW EXECUTE FUNCTION trg_stat_days_rollups_u();

CREATE OR REPLACE FUNCTION trg_stat_days_u() RETURNS trigger LANGUAGE plpgsql AS $f$
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
  RETURN NULL;
END $f$;
CREATE TRIGGER r9889_stat_days_u AFTER UPDATE ON stat_days FOR EACH ROW EXECUTE FUNCTION trg_stat_days_u();

CREATE OR REPLACE FUNCTION trg_stat_issue() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO stat_items(grade, name, spec)
  SELECT DISTINCT grade, name, spec FROM stat_invoice_lines WHERE doc_id = NEW.invoice_doc_id
  ON CONFLICT DO NOTHING;
  INSERT INTO stat_days(day, customer_id, item_id, invoiced_kg, invoiced)
  SELECT NEW.issued_on, NEW.customer_id, l.item_id, sum(l.kg), sum(l.amount)
    FROM stat_invoice_lines l
   WHERE l.doc_id = NEW.invoice_doc_id AND NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.invoice_doc_id AND status = 'void')
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    invoiced_kg = stat_days.invoiced_kg + excluded.invoiced_kg, invoiced = stat_days.invoiced + excluded.invoiced;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9878_stat_issue AFTER INSERT ON invoice_issues FOR EACH ROW EXECUTE FUNCTION trg_stat_issue();

CREATE OR REPLACE FUNCTION trg_stat_item_months_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no_delete';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9885_stat_item_months_no_delete BEFORE DELETE ON stat_item_months FOR EACH ROW EXECUTE FUNCTION trg_stat_item_months_no_delete();

CREATE OR REPLACE FUNCTION trg_stat_item_years_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no_delete';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9820_stat_item_years_no_delete BEFORE DELETE ON stat_item_years FOR EACH ROW EXECUTE FUNCTION trg_stat_item_years_no_delete();

CREATE OR REPLACE FUNCTION trg_stat_load() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, shipped_kg, shipped)
  SELECT r.released_on, r.customer_id, l.item_id, l.loaded_kg, l.loaded_amount
    FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id
    JOIN stat_note_lines l ON l.delivery_line_id = NEW.delivery_line_id
   WHERE r.note_doc_id = NEW.note_doc_id AND d.status <> 'void'
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    shipped_kg = stat_days.shipped_kg + excluded.shipped_kg, shipped = stat_days.shipped + excluded.shipped;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9880_stat_load AFTER INSERT ON delivery_loads FOR EACH ROW EXECUTE FUNCTION trg_stat_load();

CREATE OR REPLACE FUNCTION trg_stat_months_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no_delete';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9822_stat_months_no_delete BEFORE DELETE ON stat_months FOR EACH ROW EXECUTE FUNCTION trg_stat_months_no_delete();

CREATE OR REPLACE FUNCTION trg_stat_order_cancel() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.kind = 'order' AND NEW.status = 'cancelled' AND OLD.status <> 'cancelled'), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO stat_days(day, customer_id, item_id, ordered_kg, ordered)
  SELECT min(s.day), min(s.customer_id), l.item_id, -sum(l.kg), -sum(l.amount)
    FROM stat_orders s JOIN stat_order_lines l ON l.doc_id = s.counted_doc_id
   WHERE s.root_doc_id = (SELECT coalesce(root_doc_id, doc_id) FROM orders WHERE doc_id = NEW.id)
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    ordered_kg = stat_days.ordered_kg + excluded.ordered_kg, ordered = stat_days.ordered + excluded.ordered;
  UPDATE stat_orders SET counted_doc_id = NULL
   WHERE root_doc_id = (SELECT coalesce(root_doc_id, doc_id) FROM orders WHERE doc_id = NEW.id);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9882_stat_order_cancel AFTER UPDATE OF status ON documents FOR EACH ROW EXECUTE FUNCTION trg_stat_order_cancel();

CREATE OR REPLACE FUNCTION trg_stat_receipt() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, received) VALUES (NEW.received_on, NEW.customer_id, 0, NEW.amount)
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET received = stat_days.received + excluded.received;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9877_stat_receipt AFTER INSERT ON receipts FOR EACH ROW EXECUTE FUNCTION trg_stat_receipt();

CREATE OR REPLACE FUNCTION trg_stat_release() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO stat_items(grade, name, spec)
  SELECT DISTINCT grade, name, spec FROM stat_note_lines WHERE doc_id = NEW.note_doc_id
  ON CONFLICT DO NOTHING;
  INSERT INTO stat_days(day, customer_id, item_id, shipped_kg, shipped)
  SELECT NEW.released_on, NEW.customer_id, l.item_id, sum(l.kg), sum(l.amount)
    FROM stat_note_lines l
   WHERE l.doc_id = NEW.note_doc_id AND NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.note_doc_id AND status = 'void')
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    shipped_kg = stat_days.shipped_kg + excluded.shipped_kg, shipped = stat_days.shipped + excluded.shipped;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9881_stat_release AFTER INSERT ON delivery_releases FOR EACH ROW EXECUTE FUNCTION trg_stat_release();

CREATE OR REPLACE FUNCTION trg_stat_rep_item_months_no_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no_delete';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9884_stat_rep_item_months_no_delete BEFORE DELETE ON stat_rep_item_months FOR EACH ROW EXECUTE FUNCTION trg_stat_rep_item_months_no_delete();

CREATE OR REPLACE FUNCTION trg_stat_signback() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO stat_days(day, customer_id, item_id, ordered_kg, ordered)
  SELECT min(s.day), min(s.customer_id), l.item_id, -sum(l.kg), -sum(l.amount)
    FROM stat_orders s JOIN stat_order_lines l ON l.doc_id = s.counted_doc_id
   WHERE s.root_doc_id = (SELECT coalesce(root_doc_id, doc_id) FROM orders WHERE doc_id = NEW.order_doc_id)
     AND s.counted_doc_id <> NEW.order_doc_id
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    ordered_kg = stat_days.ordered_kg + excluded.ordered_kg, ordered = stat_days.ordered + excluded.ordered;
  INSERT INTO stat_orders(root_doc_id, counted_doc_id, customer_id, day)
  SELECT coalesce(o.root_doc_id, o.doc_id), o.doc_id, o.customer_id, NEW.signed_on FROM orders o WHERE o.doc_id = NEW.order_doc_id
  ON CONFLICT (root_doc_id) DO UPDATE SET counted_doc_id = excluded.counted_doc_id;
  INSERT INTO stat_items(grade, name, spec)
  SELECT DISTINCT grade, name, spec FROM stat_order_lines WHERE doc_id = NEW.order_doc_id
  ON CONFLICT DO NOTHING;
  INSERT INTO stat_days(day, customer_id, item_id, ordered_kg, ordered)
  SELECT min(s.day), min(s.customer_id), l.item_id, sum(l.kg), sum(l.amount)
    FROM stat_orders s JOIN stat_order_lines l ON l.doc_id = s.counted_doc_id
   WHERE s.counted_doc_id = NEW.order_doc_id
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    ordered_kg = stat_days.ordered_kg + excluded.ordered_kg, ordered = stat_days.ordered + excluded.ordered;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9883_stat_signback AFTER INSERT ON order_signbacks FOR EACH ROW EXECUTE FUNCTION trg_stat_signback();

CREATE OR REPLACE FUNCTION trg_stat_void() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((NEW.status = 'void') <> (OLD.status = 'void') AND NEW.kind IN ('delivery_note', 'invoice')), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO stat_days(day, customer_id, item_id, shipped_kg, shipped)
  SELECT min(r.released_on), min(r.customer_id), l.item_id,
         CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END * sum(l.kg),
         CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END * sum(l.amount)
    FROM delivery_releases r JOIN stat_note_lines l ON l.doc_id = r.note_doc_id
   WHERE r.note_doc_id = NEW.id
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    shipped_kg = stat_days.shipped_kg + excluded.shipped_kg, shipped = stat_days.shipped + excluded.shipped;
  INSERT INTO stat_days(day, customer_id, item_id, invoiced_kg, invoiced)
  SELECT min(s.issued_on), min(s.customer_id), l.item_id,
         CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END * sum(l.kg),
         CASE WHEN NEW.status = 'void' THEN -1 ELSE 1 END * sum(l.amount)
    FROM invoice_issues s JOIN stat_invoice_lines l ON l.doc_id = s.invoice_doc_id
   WHERE s.invoice_doc_id = NEW.id
   GROUP BY l.item_id
  ON CONFLICT (day, customer_id, item_id) DO UPDATE SET
    invoiced_kg = stat_days.invoiced_kg + excluded.invoiced_kg, invoiced = stat_days.invoiced + excluded.invoiced;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9879_stat_void AFTER UPDATE OF status ON documents FOR EACH ROW EXECUTE FUNCTION trg_stat_void();

CREATE OR REPLACE FUNCTION trg_statement_replies_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.on_day > ((substr(NEW.created_at, 1, 10)::date + 1))::text THEN
    RAISE EXCEPTION 'orderdesk:date_in_future';
  END IF;
  IF NEW.on_day < (SELECT issued_on FROM statements WHERE id = NEW.statement_id) THEN
    RAISE EXCEPTION 'orderdesk:date_before_issue';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9912_statement_replies_guard BEFORE INSERT ON statement_replies FOR EACH ROW EXECUTE FUNCTION trg_statement_replies_guard();

CREATE OR REPLACE FUNCTION trg_statement_replies_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9911_statement_replies_no_update BEFORE UPDATE ON statement_replies FOR EACH ROW EXECUTE FUNCTION trg_statement_replies_no_update();

CREATE OR REPLACE FUNCTION trg_statements_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM reconciliations r JOIN documents d ON d.id = r.doc_id
                      WHERE r.doc_id = NEW.recon_doc_id AND r.month = NEW.month AND d.status = 'signed') THEN
    RAISE EXCEPTION 'orderdesk:month_not_signed';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM reconciliation_lines l
                      WHERE l.doc_id = NEW.recon_doc_id AND l.customer_id = NEW.customer_id AND l.opening = NEW.opening
                        AND l.shipped = NEW.shipped AND l.invoiced = NEW.invoiced AND l.received = NEW.received) THEN
    RAISE EXCEPTION 'orderdesk:amount_mismatch';
  END IF;
  IF NEW.issued_on > ((substr(NEW.created_at, 1, 10)::date + 1))::text THEN
    RAISE EXCEPTION 'orderdesk:date_in_future';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9914_statements_guard BEFORE INSERT ON statements FOR EACH ROW EXECUTE FUNCTION trg_statements_guard();

CREATE OR REPLACE FUNCTION trg_statements_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9913_statements_no_update BEFORE UPDATE ON statements FOR EACH ROW EXECUTE FUNCTION trg_statements_no_update();

CREATE OR REPLACE FUNCTION trg_stock_replies_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.updated_by IS DISTINCT FROM NEW.answered_by OR NOT EXISTS (
     SELECT 1 FROM users u WHERE u.id = NEW.answered_by AND u.active = 1 AND strpos(u.roles, ',purchasing,') > 0) THEN
    RAISE EXCEPTION 'orderdesk:purchasing_only';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.request_doc_id AND kind = 'stock_request' AND status = 'open') THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF NEW.answered_by = (SELECT maker_id FROM documents WHERE id = NEW.request_doc_id) THEN
    RAISE EXCEPTION 'orderdesk:maker_cannot_sign';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9951_stock_replies_guard BEFORE INSERT ON stock_replies FOR EACH ROW EXECUTE FUNCTION trg_stock_replies_guard();

CREATE OR REPLACE FUNCTION trg_stock_replies_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9950_stock_replies_no_update BEFORE UPDATE ON stock_replies FOR EACH ROW EXECUTE FUNCTION trg_stock_replies_no_update();

CREATE OR REPLACE FUNCTION trg_stock_reply_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.action = 'reply'), false) THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM stock_replies WHERE request_doc_id = NEW.doc_id AND answered_by = NEW.actor_id) THEN
    RAISE EXCEPTION 'orderdesk:answer_missing';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9949_stock_reply_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_stock_reply_transition_guard();

CREATE OR REPLACE FUNCTION trg_terms_changes_apply() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.kind = 'terms_change' AND NEW.status = 'approved' AND OLD.status IS DISTINCT FROM 'approved'), false) THEN
    RETURN NULL;
  END IF;
  UPDATE customers
     SET payment_terms = (SELECT new_terms FROM terms_changes WHERE doc_id = NEW.id),
         terms_days    = (SELECT new_days FROM terms_changes WHERE doc_id = NEW.id),
         credit_limit  = (SELECT new_credit FROM terms_changes WHERE doc_id = NEW.id),
         terms_doc_id  = NEW.id,
         version = version + 1, updated_at = NEW.updated_at, updated_by = NEW.updated_by
   WHERE id = (SELECT customer_id FROM terms_changes WHERE doc_id = NEW.id);
  RETURN NULL;
END $f$;
CREATE TRIGGER r9986_terms_changes_apply AFTER UPDATE OF status ON documents FOR EACH ROW EXECUTE FUNCTION trg_terms_changes_apply();

CREATE OR REPLACE FUNCTION trg_transitions_append_only_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9991_transitions_append_only_u BEFORE UPDATE ON transitions FOR EACH ROW EXECUTE FUNCTION trg_transitions_append_only_u();

CREATE OR REPLACE FUNCTION trg_transitions_apply() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  UPDATE documents
     SET status = NEW.to_status, status_since = NEW.at, version = version + 1,
         updated_at = NEW.at, updated_by = NEW.actor_id,
         ref = CASE WHEN kind = 'order' THEN coalesce((SELECT n.order_no::text || CASE WHEN o.revision > 1 THEN '/'::text || o.revision ELSE '' END
                    FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)
                   WHERE o.doc_id = NEW.doc_id), ref)
               ELSE ref END
   WHERE id = NEW.doc_id;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9960_transitions_apply AFTER INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_transitions_apply();

CREATE OR REPLACE FUNCTION trg_transitions_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.from_status IS DISTINCT FROM (SELECT status FROM documents WHERE id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:stale_status';
  END IF;
  IF NOT EXISTS (
     SELECT 1 FROM wf_rules r JOIN documents d ON d.kind = r.kind
      WHERE d.id = NEW.doc_id AND r.action = NEW.action AND r.from_status = NEW.from_status
        AND r.to_status = NEW.to_status AND r.signoff = NEW.signoff) THEN
    RAISE EXCEPTION 'orderdesk:no_such_transition';
  END IF;
  IF NOT EXISTS (
     SELECT 1 FROM wf_rules r JOIN documents d ON d.kind = r.kind JOIN users u ON u.id = NEW.actor_id
      WHERE d.id = NEW.doc_id AND r.action = NEW.action AND r.from_status = NEW.from_status
        AND u.active = 1
        AND EXISTS (SELECT 1 FROM json_array_elements_text(('["'::text || replace(trim(r.roles, ','), ',', '","')::text || '"]')::json) j
                     WHERE strpos(u.roles, ','::text || j.value::text || ',') > 0)) THEN
    RAISE EXCEPTION 'orderdesk:role_not_allowed';
  END IF;
  IF NEW.signoff = 1 AND NEW.actor_id = (SELECT maker_id FROM documents WHERE id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:maker_cannot_sign';
  END IF;
  IF NEW.signoff = 1 AND EXISTS (
     SELECT 1 FROM document_editors e
      WHERE e.doc_id = NEW.doc_id AND e.user_id = NEW.actor_id
        AND e.signoffs_before = (SELECT count(*) FROM transitions t JOIN documents rd ON rd.id = t.doc_id JOIN wf_states rs ON rs.kind = rd.kind AND rs.status = t.to_status WHERE t.doc_id = NEW.doc_id AND t.signoff = 1 AND rs.editable = 0)) THEN
    RAISE EXCEPTION 'orderdesk:editor_cannot_sign';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9992_transitions_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_transitions_guard();

CREATE OR REPLACE FUNCTION trg_unpaid_reports_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM invoices WHERE doc_id = NEW.invoice_doc_id AND customer_id = NEW.customer_id) THEN
    RAISE EXCEPTION 'orderdesk:customer_mismatch';
  END IF;
  IF NEW.promised_on < NEW.filed_on THEN
    RAISE EXCEPTION 'orderdesk:date_before_issue';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9910_unpaid_reports_guard BEFORE INSERT ON unpaid_reports FOR EACH ROW EXECUTE FUNCTION trg_unpaid_reports_guard();

CREATE OR REPLACE FUNCTION trg_unpaid_reports_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9908_unpaid_reports_no_update BEFORE UPDATE ON unpaid_reports FOR EACH ROW EXECUTE FUNCTION trg_unpaid_reports_no_update();

CREATE OR REPLACE FUNCTION trg_user_keys_no_revive() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((OLD.removed = 1 AND NEW.removed = 0), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9983_user_keys_no_revive BEFORE UPDATE OF removed ON user_keys FOR EACH ROW EXECUTE FUNCTION trg_user_keys_no_revive();

CREATE OR REPLACE FUNCTION trg_visit_reviews_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:append_only';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9843_visit_reviews_no_update BEFORE UPDATE ON visit_reviews FOR EACH ROW EXECUTE FUNCTION trg_visit_reviews_no_update();

CREATE OR REPLACE FUNCTION trg_visit_reviews_owner() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.updated_by IS DISTINCT FROM (SELECT owner_id FROM visits WHERE doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:not_your_visit';
  END IF;
  IF NEW.reached = '' AND (SELECT log_id FROM visits WHERE doc_id = NEW.doc_id) IS NULL THEN
    RAISE EXCEPTION 'orderdesk:invalid_choice';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9842_visit_reviews_owner BEFORE INSERT ON visit_reviews FOR EACH ROW EXECUTE FUNCTION trg_visit_reviews_owner();

CREATE OR REPLACE FUNCTION trg_visit_transition_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce(((SELECT kind FROM documents WHERE id = NEW.doc_id) = 'visit'), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.to_status = 'reviewed' AND NEW.actor_id IS DISTINCT FROM (SELECT owner_id FROM visits WHERE doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:not_your_visit';
  END IF;
  IF NEW.to_status = 'reviewed' AND NOT EXISTS (SELECT 1 FROM visit_reviews WHERE doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:visit_not_reviewed';
  END IF;
  IF NEW.to_status = 'cancelled' AND trim(coalesce((NEW.comment)::text, '')) = '' THEN
    RAISE EXCEPTION 'orderdesk:comment_required';
  END IF;
  IF NEW.to_status = 'cancelled'
     AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.actor_id
                        AND (strpos(u.roles, ',clerk,') > 0 OR strpos(u.roles, ',supervisor,') > 0))
     AND NEW.actor_id IS DISTINCT FROM (SELECT owner_id FROM visits WHERE doc_id = NEW.doc_id) THEN
    RAISE EXCEPTION 'orderdesk:not_your_visit';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9841_visit_transition_guard BEFORE INSERT ON transitions FOR EACH ROW EXECUTE FUNCTION trg_visit_transition_guard();

CREATE OR REPLACE FUNCTION trg_visits_owner() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.updated_by
                        AND (strpos(u.roles, ',clerk,') > 0 OR strpos(u.roles, ',supervisor,') > 0))
     AND NEW.updated_by IS DISTINCT FROM NEW.owner_id THEN
    RAISE EXCEPTION 'orderdesk:not_your_visit';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9840_visits_owner BEFORE INSERT ON visits FOR EACH ROW EXECUTE FUNCTION trg_visits_owner();

CREATE OR REPLACE FUNCTION trg_visits_owner_moved() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.owner_id IS DISTINCT FROM OLD.owner_id), false) THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.updated_by
                        AND (strpos(u.roles, ',clerk,') > 0 OR strpos(u.roles, ',supervisor,') > 0)) THEN
    RAISE EXCEPTION 'orderdesk:not_your_visit';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9839_visits_owner_moved BEFORE UPDATE OF owner_id ON visits FOR EACH ROW EXECUTE FUNCTION trg_visits_owner_moved();

CREATE OR REPLACE FUNCTION trg_visits_subject_fixed() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((NEW.customer_id IS DISTINCT FROM OLD.customer_id OR NEW.lead_doc_id IS DISTINCT FROM OLD.lead_doc_id OR NEW.log_id IS DISTINCT FROM OLD.log_id), false) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'orderdesk:fixed_field';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9844_visits_subject_fixed BEFORE UPDATE OF customer_id, lead_doc_id, log_id ON visits FOR EACH ROW EXECUTE FUNCTION trg_visits_subject_fixed();

CREATE OR REPLACE FUNCTION trg_wf_additions_guard_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:rules_frozen';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9895_wf_additions_guard_u BEFORE UPDATE ON wf_additions_guard FOR EACH ROW EXECUTE FUNCTION trg_wf_additions_guard_u();

CREATE OR REPLACE FUNCTION trg_wf_additions_never_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:rules_frozen';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9896_wf_additions_never_i BEFORE INSERT ON wf_additions_never FOR EACH ROW EXECUTE FUNCTION trg_wf_additions_never_i();

CREATE OR REPLACE FUNCTION trg_wf_rules_added() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((EXISTS (SELECT 1 FROM documents WHERE kind = NEW.kind)), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after)
  SELECT 1, 'wf_rules', 0, 'insert', NULL,
         ('{'::text || '"kind"'::text || ':'::text || orderdesk_json(NEW.kind)::text || ','::text || '"action"'::text || ':'::text || orderdesk_json(NEW.action)::text || ','::text || '"from_status"'::text || ':'::text || orderdesk_json(NEW.from_status)::text || ','::text || '"to_status"'::text || ':'::text || orderdesk_json(NEW.to_status)::text || ','::text || '"signoff"'::text || ':'::text || orderdesk_json(NEW.signoff)::text || ','::text || '"roles"'::text || ':'::text || orderdesk_json(NEW.roles)::text || ','::text || '"program"'::text || ':'::text || orderdesk_json(g.program)::text || ','::text || '"schema"'::text || ':'::text || orderdesk_json(g.schema)::text || '}')
    FROM wf_additions_guard g;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9891_wf_rules_added AFTER INSERT ON wf_rules FOR EACH ROW EXECUTE FUNCTION trg_wf_rules_added();

CREATE OR REPLACE FUNCTION trg_wf_rules_frozen_d() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:rules_frozen';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9996_wf_rules_frozen_d BEFORE DELETE ON wf_rules FOR EACH ROW EXECUTE FUNCTION trg_wf_rules_frozen_d();

CREATE OR REPLACE FUNCTION trg_wf_rules_frozen_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF EXISTS (SELECT 1 FROM wf_rules WHERE kind = NEW.kind AND action = NEW.action AND from_status = NEW.from_status)
      OR NOT EXISTS (SELECT 1 FROM wf_additions_guard) THEN
    RAISE EXCEPTION 'orderdesk:rules_frozen';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9893_wf_rules_frozen_i BEFORE INSERT ON wf_rules FOR EACH ROW EXECUTE FUNCTION trg_wf_rules_frozen_i();

CREATE OR REPLACE FUNCTION trg_wf_rules_frozen_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:rules_frozen';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9997_wf_rules_frozen_u BEFORE UPDATE ON wf_rules FOR EACH ROW EXECUTE FUNCTION trg_wf_rules_frozen_u();

CREATE OR REPLACE FUNCTION trg_wf_states_added() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT coalesce((EXISTS (SELECT 1 FROM documents WHERE kind = NEW.kind)), false) THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after)
  SELECT 1, 'wf_states', 0, 'insert', NULL,
         ('{'::text || '"kind"'::text || ':'::text || orderdesk_json(NEW.kind)::text || ','::text || '"status"'::text || ':'::text || orderdesk_json(NEW.status)::text || ','::text || '"initial"'::text || ':'::text || orderdesk_json(NEW.initial)::text || ','::text || '"editable"'::text || ':'::text || orderdesk_json(NEW.editable)::text || ','::text || '"program"'::text || ':'::text || orderdesk_json(g.program)::text || ','::text || '"schema"'::text || ':'::text || orderdesk_json(g.schema)::text || '}')
    FROM wf_additions_guard g;
  RETURN NULL;
END $f$;
CREATE TRIGGER r9892_wf_states_added AFTER INSERT ON wf_states FOR EACH ROW EXECUTE FUNCTION trg_wf_states_added();

CREATE OR REPLACE FUNCTION trg_wf_states_frozen_d() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:rules_frozen';
  RETURN OLD;
END $f$;
CREATE TRIGGER r9998_wf_states_frozen_d BEFORE DELETE ON wf_states FOR EACH ROW EXECUTE FUNCTION trg_wf_states_frozen_d();

CREATE OR REPLACE FUNCTION trg_wf_states_frozen_i() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF EXISTS (SELECT 1 FROM wf_states WHERE kind = NEW.kind AND status = NEW.status)
      OR NOT EXISTS (SELECT 1 FROM wf_additions_guard) THEN
    RAISE EXCEPTION 'orderdesk:rules_frozen';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER r9894_wf_states_frozen_i BEFORE INSERT ON wf_states FOR EACH ROW EXECUTE FUNCTION trg_wf_states_frozen_i();

CREATE OR REPLACE FUNCTION trg_wf_states_frozen_u() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:rules_frozen';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9999_wf_states_frozen_u BEFORE UPDATE ON wf_states FOR EACH ROW EXECUTE FUNCTION trg_wf_states_frozen_u();

