-- The books agree with what happened.

-- An invoice number is one the tax system gives, kept in one form so the
-- UNIQUE on invoice_issues.invoice_no holds across ways of typing it:
-- a fully digital invoice's (全电发票) 20 digits, or a paper special
-- invoice's 10- or 12-digit code and 8-digit number as "CODE-NUMBER".
-- Numbers issued before this check are kept as they were.
CREATE TRIGGER invoice_issues_number_form BEFORE INSERT ON invoice_issues
WHEN NOT (typeof(NEW.invoice_no) = 'text' AND (
       (length(NEW.invoice_no) = 20 AND NEW.invoice_no NOT GLOB '*[^0-9]*')
    OR (length(NEW.invoice_no) IN (19, 21) AND substr(NEW.invoice_no, -9, 1) = '-'
        AND replace(NEW.invoice_no, '-', '') NOT GLOB '*[^0-9]*'
        AND length(replace(NEW.invoice_no, '-', '')) = length(NEW.invoice_no) - 1)))
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:invoice_no_form');
END;

-- An order's reference is its number from the moment the number is
-- drawn (in the transaction that signs the contract off), not from its
-- next status change: every list, search and printout reads documents.ref.
-- The edit guards let exactly that change through on a document no longer
-- editable, without counting it as an edit (the supervisor who signed
-- did not edit the order).
DROP TRIGGER documents_edit_guard;
DROP TRIGGER documents_edit_log;
CREATE TRIGGER documents_edit_guard BEFORE UPDATE ON documents
WHEN NEW.status IS OLD.status AND NOT (
       NEW.kind = 'order' AND NEW.ref IS NOT OLD.ref
   AND NEW.maker_id IS OLD.maker_id AND NEW.subject_id IS OLD.subject_id AND NEW.summary IS OLD.summary
   AND NEW.version IS OLD.version AND NEW.status_since IS OLD.status_since AND NEW.created_at IS OLD.created_at
   AND NEW.updated_at IS OLD.updated_at AND NEW.updated_by IS OLD.updated_by
   AND NEW.ref IS (SELECT n.order_no || CASE WHEN o.revision > 1 THEN '/' || o.revision ELSE '' END
                     FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)
                    WHERE o.doc_id = NEW.id))
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_editable')
   WHERE NOT EXISTS (SELECT 1 FROM wf_states s WHERE s.kind = NEW.kind AND s.status = NEW.status AND s.editable = 1);
END;
CREATE TRIGGER documents_edit_log AFTER UPDATE ON documents
WHEN NEW.status IS OLD.status AND NOT (
       NEW.kind = 'order' AND NEW.ref IS NOT OLD.ref
   AND NEW.maker_id IS OLD.maker_id AND NEW.subject_id IS OLD.subject_id AND NEW.summary IS OLD.summary
   AND NEW.version IS OLD.version AND NEW.status_since IS OLD.status_since AND NEW.created_at IS OLD.created_at
   AND NEW.updated_at IS OLD.updated_at AND NEW.updated_by IS OLD.updated_by
   AND NEW.ref IS (SELECT n.order_no || CASE WHEN o.revision > 1 THEN '/' || o.revision ELSE '' END
                     FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)
                    WHERE o.doc_id = NEW.id))
BEGIN
  INSERT INTO document_editors(doc_id, user_id, signoffs_before, at)
  VALUES (NEW.id, NEW.updated_by,
          (SELECT count(*) FROM transitions t JOIN documents rd ON rd.id = t.doc_id JOIN wf_states rs ON rs.kind = rd.kind AND rs.status = t.to_status WHERE t.doc_id = NEW.id AND t.signoff = 1 AND rs.editable = 0),
          NEW.updated_at);
END;

CREATE TRIGGER order_numbers_ref AFTER INSERT ON order_numbers
BEGIN
  UPDATE documents SET ref = NEW.order_no WHERE id = NEW.order_doc_id AND ref IS NOT NEW.order_no;
END;

-- Orders signed off before this kept their provisional reference until
-- they moved on: they take their number now.
UPDATE documents
   SET ref = (SELECT n.order_no || CASE WHEN o.revision > 1 THEN '/' || o.revision ELSE '' END
                FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)
               WHERE o.doc_id = documents.id)
 WHERE kind = 'order'
   AND ref IS NOT (SELECT n.order_no || CASE WHEN o.revision > 1 THEN '/' || o.revision ELSE '' END
                     FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)
                    WHERE o.doc_id = documents.id)
   AND EXISTS (SELECT 1 FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)
                WHERE o.doc_id = documents.id);
