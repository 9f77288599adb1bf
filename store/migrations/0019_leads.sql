-- Leads (销售线索 / 意向客户): companies or people who may buy, followed
-- up until they become customers or are dropped with the reason.
--
-- A lead is a document of kind 'lead'. Its stage is the document's
-- status (new → contacted → interested → quoted → won or lost), moved
-- only by a transition the workflow declares (transitions_guard); a lost
-- lead keeps its reason as the transition's comment. Nothing is deleted.
CREATE TABLE leads (
  id              INTEGER PRIMARY KEY,
  doc_id          INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  owner_id        INTEGER NOT NULL REFERENCES users(id),
  name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
  mnemonic        TEXT NOT NULL DEFAULT '',
  contact         TEXT NOT NULL DEFAULT '',
  phone           TEXT NOT NULL DEFAULT '',
  email           TEXT NOT NULL DEFAULT '',
  im              TEXT NOT NULL DEFAULT '', -- QQ or WeChat
  source          TEXT NOT NULL CHECK (source IN ('phone', 'website', 'exhibition', 'referral', 'investment', 'email', 'im')),
  grades          TEXT NOT NULL DEFAULT '',
  specs           TEXT NOT NULL DEFAULT '',
  tonnes          INTEGER NOT NULL DEFAULT 0 CHECK (tonnes >= 0 AND tonnes <= 1000000000000),
  notes           TEXT NOT NULL DEFAULT '',
  next_step       TEXT NOT NULL DEFAULT '',
  next_on         TEXT NOT NULL DEFAULT '' CHECK (next_on = '' OR length(next_on) = 10),
  customer_id     INTEGER REFERENCES customers(id),
  inquiry_doc_id  INTEGER REFERENCES documents(id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER NOT NULL REFERENCES users(id),
  -- A lead nobody can reach is no lead.
  CHECK (trim(phone) <> '' OR trim(email) <> '' OR trim(im) <> '')
);
CREATE INDEX leads_owner ON leads(owner_id, next_on);
CREATE INDEX leads_mnemonic ON leads(mnemonic);

-- A lead's conversion is written once: a customer or an inquiry linked
-- stays linked.
CREATE TRIGGER leads_links_kept BEFORE UPDATE OF customer_id, inquiry_doc_id ON leads
WHEN (OLD.customer_id IS NOT NULL AND NEW.customer_id IS NOT OLD.customer_id)
  OR (OLD.inquiry_doc_id IS NOT NULL AND NEW.inquiry_doc_id IS NOT OLD.inquiry_doc_id)
BEGIN SELECT RAISE(ABORT, 'orderdesk:fixed_field'); END;

-- A call or message logged on a lead, with the next step and its day.
-- Append-only; written only while the lead is open (its content
-- triggers refuse a won or lost lead).
CREATE TABLE lead_contacts (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL REFERENCES documents(id),
  channel     TEXT NOT NULL CHECK (channel IN ('call', 'message', 'email', 'im')),
  note        TEXT NOT NULL CHECK (length(trim(note)) > 0),
  next_step   TEXT NOT NULL DEFAULT '',
  next_on     TEXT NOT NULL DEFAULT '' CHECK (next_on = '' OR length(next_on) = 10),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX lead_contacts_doc ON lead_contacts(doc_id, id);
CREATE TRIGGER lead_contacts_no_update BEFORE UPDATE ON lead_contacts
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Stage moves, where the data lives: a lost lead says why, a won one
-- has become a customer, and a sales rep (without the desk's or a
-- supervisor's role) moves only the leads they own.
CREATE TRIGGER lead_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'lead'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:comment_required')
   WHERE NEW.to_status = 'lost' AND trim(coalesce(NEW.comment, '')) = '';
  SELECT RAISE(ABORT, 'orderdesk:lead_not_converted')
   WHERE NEW.to_status = 'won' AND (SELECT customer_id FROM leads WHERE doc_id = NEW.doc_id) IS NULL;
  SELECT RAISE(ABORT, 'orderdesk:not_your_lead')
   WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.actor_id
                        AND (instr(u.roles, ',clerk,') > 0 OR instr(u.roles, ',supervisor,') > 0))
     AND NEW.actor_id IS NOT (SELECT owner_id FROM leads WHERE doc_id = NEW.doc_id);
END;

-- The same for the log: a rep logs calls only on their own leads.
CREATE TRIGGER lead_contacts_owner BEFORE INSERT ON lead_contacts
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_your_lead')
   WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.updated_by
                        AND (instr(u.roles, ',clerk,') > 0 OR instr(u.roles, ',supervisor,') > 0))
     AND NEW.updated_by IS NOT (SELECT owner_id FROM leads WHERE doc_id = NEW.doc_id);
END;
