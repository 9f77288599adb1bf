-- A save opens an edit window on its document: the rows it writes as
-- the window's editor no longer move the document's version one by one
-- (a 20-line order moved it, and wrote an edit of the header with its
-- audit record, 21 times); closing the window moves it once. The editor
-- is recorded when the window opens, as any edit of the header records
-- its editor, and no status changes while a window is open, so a
-- reviewer still signs only a version whose content they could see.
ALTER TABLE documents ADD COLUMN edit_open INTEGER; -- a user, always the updated_by that opened it

-- A document is made with its window open by its maker, or closed.
CREATE TRIGGER documents_insert_window BEFORE INSERT ON documents
WHEN NEW.edit_open IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:edit_window') WHERE NEW.edit_open IS NOT NEW.maker_id;
END;

-- A window opens for the one the opening update names as its editor,
-- never passes to another editor, closes only by moving the version,
-- and is never open across a change of status.
CREATE TRIGGER documents_edit_window BEFORE UPDATE ON documents
WHEN NEW.edit_open IS NOT OLD.edit_open OR OLD.edit_open IS NOT NULL OR NEW.edit_open IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:edit_window')
   WHERE NEW.edit_open IS NOT NULL AND NEW.edit_open IS NOT OLD.edit_open
     AND (NEW.edit_open IS NOT NEW.updated_by OR OLD.edit_open IS NOT NULL);
  SELECT RAISE(ABORT, 'orderdesk:edit_window')
   WHERE OLD.edit_open IS NOT NULL AND NEW.edit_open IS NULL AND NEW.version <= OLD.version;
  SELECT RAISE(ABORT, 'orderdesk:edit_window') WHERE NEW.status IS NOT OLD.status;
END;

-- The order number's arrival on a signed order is still the one change
-- let through without counting as an edit: with the window untouched.
DROP TRIGGER documents_edit_guard;
DROP TRIGGER documents_edit_log;
CREATE TRIGGER documents_edit_guard BEFORE UPDATE ON documents
WHEN NEW.status IS OLD.status AND NOT (
       NEW.kind = 'order' AND NEW.ref IS NOT OLD.ref
   AND NEW.maker_id IS OLD.maker_id AND NEW.subject_id IS OLD.subject_id AND NEW.summary IS OLD.summary
   AND NEW.version IS OLD.version AND NEW.status_since IS OLD.status_since AND NEW.created_at IS OLD.created_at
   AND NEW.updated_at IS OLD.updated_at AND NEW.updated_by IS OLD.updated_by AND NEW.edit_open IS OLD.edit_open
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
   AND NEW.updated_at IS OLD.updated_at AND NEW.updated_by IS OLD.updated_by AND NEW.edit_open IS OLD.edit_open
   AND NEW.ref IS (SELECT n.order_no || CASE WHEN o.revision > 1 THEN '/' || o.revision ELSE '' END
                     FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)
                    WHERE o.doc_id = NEW.id))
BEGIN
  INSERT INTO document_editors(doc_id, user_id, signoffs_before, at)
  VALUES (NEW.id, NEW.updated_by,
          (SELECT count(*) FROM transitions t JOIN documents rd ON rd.id = t.doc_id JOIN wf_states rs ON rs.kind = rd.kind AND rs.status = t.to_status WHERE t.doc_id = NEW.id AND t.signoff = 1 AND rs.editable = 0),
          NEW.updated_at);
END;
