-- Materials sent (寄出资料登记): what went to whom (a customer or a
-- lead, and its contact), what it was (a sample, a catalogue, a
-- quotation, a contract for signature, other), the day it left, how
-- (courier with its company and tracking number, post, by hand,
-- e-mail) and, later, who confirmed its receipt on which day.
--
-- An entry is a document of kind 'material', numbered JC2026-000001:
-- sent, then received once its receipt is confirmed, or voided with the
-- reason. It is a record of fact, so nothing in it is rewritten: a wrong
-- entry is voided and entered again. Nothing is deleted.
--
-- A mailed invoice is not entered here a second time: the day and the
-- post's number of an invoice's mailing stay in invoice_mailings, the
-- one place the invoice flow writes them, and the register reads them
-- from there (materials_register below). Its receipt is confirmed in the
-- register like any entry's, into the same table; one paid in full
-- counts as received.
CREATE TABLE materials (
  id           INTEGER PRIMARY KEY,
  doc_id       INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  customer_id  INTEGER REFERENCES customers(id),
  lead_doc_id  INTEGER REFERENCES documents(id),
  contact      TEXT NOT NULL DEFAULT '',
  what         TEXT NOT NULL CHECK (what IN ('sample', 'catalogue', 'quotation', 'contract', 'other')),
  description  TEXT NOT NULL DEFAULT '',
  sent_on      TEXT NOT NULL CHECK (length(sent_on) = 10),
  via          TEXT NOT NULL CHECK (via IN ('courier', 'post', 'hand', 'email')),
  courier      TEXT NOT NULL DEFAULT '',
  tracking     TEXT NOT NULL DEFAULT '',
  -- The order whose contract went for signature.
  order_doc_id INTEGER REFERENCES documents(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id),
  -- To a customer or to a lead, never both, never nobody.
  CHECK ((customer_id IS NULL) <> (lead_doc_id IS NULL)),
  -- A courier names its company and its number; the post may give a
  -- number; what goes by hand or by e-mail has none.
  CHECK (via <> 'courier' OR (courier <> '' AND tracking <> '')),
  CHECK (via = 'courier' OR courier = ''),
  CHECK (via IN ('courier', 'post') OR tracking = ''),
  CHECK ((what = 'contract') = (order_doc_id IS NOT NULL))
);
CREATE INDEX materials_customer ON materials(customer_id, sent_on);
CREATE INDEX materials_lead ON materials(lead_doc_id);
CREATE INDEX materials_sent ON materials(sent_on);

-- An entry is never rewritten; never dated after the day it was written.
CREATE TRIGGER materials_no_update BEFORE UPDATE ON materials
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER materials_guard BEFORE INSERT ON materials
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:date_in_future') WHERE NEW.sent_on > date(NEW.created_at, '+1 day');
  SELECT RAISE(ABORT, 'orderdesk:invalid_choice')
   WHERE NEW.order_doc_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.order_doc_id AND kind = 'order');
END;

-- Its receipt confirmed: on which day, by whom at the other end. Once
-- per entry or mailed invoice (sent_doc_id), never changed.
CREATE TABLE material_receipts (
  id           INTEGER PRIMARY KEY,
  sent_doc_id  INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  received_on  TEXT NOT NULL CHECK (length(received_on) = 10),
  received_by  TEXT NOT NULL CHECK (length(trim(received_by)) > 0),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE TRIGGER material_receipts_no_update BEFORE UPDATE ON material_receipts
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- Every row of the register: the entries, and the invoices mailed that
-- no entry stands for, each as the document it stands for (key_doc_id).
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
            -- An invoice paid in full reached the customer beyond doubt.
            WHEN EXISTS (SELECT 1 FROM receivable_open b WHERE b.invoice_doc_id = x.invoice_doc_id AND b.open <= 0) THEN 'received'
            ELSE 'sent' END,
       d.version, x.updated_by, i.customer_id, NULL, coalesce(o.contact, ''), 'invoice', '', x.mailed_on, 'post', '', x.tracking,
       x.invoice_doc_id, x.created_at
  FROM invoice_mailings x JOIN documents d ON d.id = x.invoice_doc_id JOIN invoices i ON i.doc_id = x.invoice_doc_id
  LEFT JOIN invoice_issues s ON s.invoice_doc_id = x.invoice_doc_id LEFT JOIN orders o ON o.doc_id = i.order_doc_id;

-- A receipt is of something sent and not voided, not before the day it
-- left nor after the day it is written.
CREATE TRIGGER material_receipts_guard BEFORE INSERT ON material_receipts
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM materials_register WHERE key_doc_id = NEW.sent_doc_id AND status = 'sent');
  SELECT RAISE(ABORT, 'orderdesk:received_before_sent')
   WHERE NEW.received_on < (SELECT sent_on FROM materials_register WHERE key_doc_id = NEW.sent_doc_id);
  SELECT RAISE(ABORT, 'orderdesk:date_in_future') WHERE NEW.received_on > date(NEW.created_at, '+1 day');
END;

-- Status moves, where the data lives: received only with its receipt
-- written; voided with the reason, by its sender, the desk or a
-- supervisor.
CREATE TRIGGER material_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'material'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:receipt_unconfirmed')
   WHERE NEW.to_status = 'received' AND NOT EXISTS (SELECT 1 FROM material_receipts WHERE sent_doc_id = NEW.doc_id);
  SELECT RAISE(ABORT, 'orderdesk:comment_required')
   WHERE NEW.to_status = 'void' AND trim(coalesce(NEW.comment, '')) = '';
  SELECT RAISE(ABORT, 'orderdesk:not_your_material')
   WHERE NEW.to_status = 'void'
     AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.actor_id
                        AND (instr(u.roles, ',clerk,') > 0 OR instr(u.roles, ',supervisor,') > 0))
     AND NEW.actor_id IS NOT (SELECT maker_id FROM documents WHERE id = NEW.doc_id);
END;
