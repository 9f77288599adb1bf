-- Minutes go to sign-off only with no action item open, where the data
-- lives too: a submit (or the move taken as the last item closes) to
-- done is refused while an item is open, as a close is; a close is still
-- refused when signed by someone who closed one of its items.
DROP TRIGGER meeting_transition_guard;
CREATE TRIGGER meeting_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'meeting' AND NEW.to_status IN ('done', 'closed')
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:actions_open')
   WHERE EXISTS (SELECT 1 FROM meeting_actions a WHERE a.doc_id = NEW.doc_id
                    AND NOT EXISTS (SELECT 1 FROM meeting_action_done x WHERE x.action_id = a.id));
  SELECT RAISE(ABORT, 'orderdesk:closer_did_action')
   WHERE NEW.to_status = 'closed'
     AND EXISTS (SELECT 1 FROM meeting_action_done x JOIN meeting_actions a ON a.id = x.action_id
                  WHERE a.doc_id = NEW.doc_id AND x.updated_by = NEW.actor_id);
END;

-- What went to a lead counts in the file of the customer it became: the
-- leads converted into a customer, found without reading every lead.
CREATE INDEX leads_customer ON leads(customer_id);
