-- Foundation: users, the workflow tables that enforce the two-person rule,
-- customers, products and the append-only audit log.
-- Every business table carries updated_at/updated_by: the audit triggers
-- (generated in Go, see audit_triggers.go) name that user as "who".

CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  login           TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name            TEXT NOT NULL,
  roles           TEXT NOT NULL DEFAULT ',',   -- ',clerk,admin,'
  os_user         TEXT NOT NULL DEFAULT '',
  active          INTEGER NOT NULL DEFAULT 1,
  passphrase_hash TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX users_os_user ON users(os_user) WHERE os_user <> '';
-- The system user owns bootstrap writes; it cannot log in and holds no role.
INSERT INTO users(id, login, name, roles, active, created_at, updated_at, updated_by)
VALUES (1, 'system', 'system', ',', 0, strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'), 1);

-- Workflow rules are written by the workflow package at start-up and can
-- never be changed or removed afterwards: the triggers below read them.
CREATE TABLE wf_states (
  kind     TEXT NOT NULL,
  status   TEXT NOT NULL,
  initial  INTEGER NOT NULL DEFAULT 0,
  editable INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, status)
) WITHOUT ROWID;
CREATE TABLE wf_rules (
  kind        TEXT NOT NULL,
  action      TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  signoff     INTEGER NOT NULL,
  roles       TEXT NOT NULL,                    -- ',supervisor,finance,'
  PRIMARY KEY (kind, action, from_status)
) WITHOUT ROWID;
CREATE TRIGGER wf_states_frozen_u BEFORE UPDATE ON wf_states BEGIN SELECT RAISE(ABORT, 'orderdesk:rules_frozen'); END;
CREATE TRIGGER wf_states_frozen_d BEFORE DELETE ON wf_states BEGIN SELECT RAISE(ABORT, 'orderdesk:rules_frozen'); END;
CREATE TRIGGER wf_rules_frozen_u BEFORE UPDATE ON wf_rules BEGIN SELECT RAISE(ABORT, 'orderdesk:rules_frozen'); END;
CREATE TRIGGER wf_rules_frozen_d BEFORE DELETE ON wf_rules BEGIN SELECT RAISE(ABORT, 'orderdesk:rules_frozen'); END;
-- INSERT OR REPLACE would swap a rule without firing the delete trigger,
-- and a rule added to a kind in use could open a path with no sign-off:
-- new rules and states are accepted only for a kind with no documents yet.
CREATE TRIGGER wf_states_frozen_i BEFORE INSERT ON wf_states
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:rules_frozen')
   WHERE EXISTS (SELECT 1 FROM wf_states WHERE kind = NEW.kind AND status = NEW.status)
      OR EXISTS (SELECT 1 FROM documents WHERE kind = NEW.kind);
END;
CREATE TRIGGER wf_rules_frozen_i BEFORE INSERT ON wf_rules
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:rules_frozen')
   WHERE EXISTS (SELECT 1 FROM wf_rules WHERE kind = NEW.kind AND action = NEW.action AND from_status = NEW.from_status)
      OR EXISTS (SELECT 1 FROM documents WHERE kind = NEW.kind);
END;

CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  ref          TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL,
  maker_id     INTEGER NOT NULL REFERENCES users(id),
  subject_id   INTEGER,                         -- e.g. the customer of a terms change
  summary      TEXT NOT NULL DEFAULT '',
  version      INTEGER NOT NULL DEFAULT 1,
  status_since TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX documents_status ON documents(kind, status, status_since);
CREATE INDEX documents_subject ON documents(kind, subject_id);

-- A status change is a row here; the document follows it (trigger below).
CREATE TABLE transitions (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL REFERENCES documents(id),
  action      TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  actor_id    INTEGER NOT NULL REFERENCES users(id),
  signoff     INTEGER NOT NULL,
  comment     TEXT NOT NULL DEFAULT '',
  session_user_id INTEGER REFERENCES users(id),  -- whose terminal, when another signs at the desk
  at          TEXT NOT NULL
);
CREATE INDEX transitions_doc ON transitions(doc_id, id);

-- Who edited a document, and in which review round: the number of
-- sign-offs that accepted it (moved it to a state that cannot be edited)
-- when they edited it. A send-back is a sign-off too, but it starts no new
-- round: what was edited before it has still not been accepted by anyone
-- but its editor.
CREATE TABLE document_editors (
  id              INTEGER PRIMARY KEY,
  doc_id          INTEGER NOT NULL REFERENCES documents(id),
  user_id         INTEGER NOT NULL REFERENCES users(id),
  signoffs_before INTEGER NOT NULL,
  at              TEXT NOT NULL
);
CREATE INDEX document_editors_doc ON document_editors(doc_id, user_id, signoffs_before);

CREATE TRIGGER documents_insert_guard BEFORE INSERT ON documents
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_initial_state')
   WHERE NOT EXISTS (SELECT 1 FROM wf_states s WHERE s.kind = NEW.kind AND s.status = NEW.status AND s.initial = 1);
  SELECT RAISE(ABORT, 'orderdesk:maker_mismatch') WHERE NEW.updated_by <> NEW.maker_id;
END;

CREATE TRIGGER documents_fixed_fields BEFORE UPDATE OF id, kind, maker_id, created_at ON documents
WHEN NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind OR NEW.maker_id IS NOT OLD.maker_id OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:fixed_field');
END;

-- The status of a document moves only as its latest transition says.
CREATE TRIGGER documents_status_guard BEFORE UPDATE OF status ON documents
WHEN NEW.status IS NOT OLD.status
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:status_without_transition')
   WHERE NOT EXISTS (
     SELECT 1 FROM transitions t
      WHERE t.id = (SELECT max(id) FROM transitions WHERE doc_id = NEW.id)
        AND t.from_status = OLD.status AND t.to_status = NEW.status);
END;

-- Edits (any change that is not a status change) record the editor.
CREATE TRIGGER documents_edit_guard BEFORE UPDATE ON documents
WHEN NEW.status IS OLD.status
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:not_editable')
   WHERE NOT EXISTS (SELECT 1 FROM wf_states s WHERE s.kind = NEW.kind AND s.status = NEW.status AND s.editable = 1);
END;
CREATE TRIGGER documents_edit_log AFTER UPDATE ON documents
WHEN NEW.status IS OLD.status
BEGIN
  INSERT INTO document_editors(doc_id, user_id, signoffs_before, at)
  VALUES (NEW.id, NEW.updated_by,
          (SELECT count(*) FROM transitions t JOIN documents rd ON rd.id = t.doc_id JOIN wf_states rs ON rs.kind = rd.kind AND rs.status = t.to_status WHERE t.doc_id = NEW.id AND t.signoff = 1 AND rs.editable = 0),
          NEW.updated_at);
END;

-- The two-person rule, where the data lives.
CREATE TRIGGER transitions_guard BEFORE INSERT ON transitions
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NEW.from_status IS NOT (SELECT status FROM documents WHERE id = NEW.doc_id);
  SELECT RAISE(ABORT, 'orderdesk:no_such_transition')
   WHERE NOT EXISTS (
     SELECT 1 FROM wf_rules r JOIN documents d ON d.kind = r.kind
      WHERE d.id = NEW.doc_id AND r.action = NEW.action AND r.from_status = NEW.from_status
        AND r.to_status = NEW.to_status AND r.signoff = NEW.signoff);
  SELECT RAISE(ABORT, 'orderdesk:role_not_allowed')
   WHERE NOT EXISTS (
     SELECT 1 FROM wf_rules r JOIN documents d ON d.kind = r.kind JOIN users u ON u.id = NEW.actor_id
      WHERE d.id = NEW.doc_id AND r.action = NEW.action AND r.from_status = NEW.from_status
        AND u.active = 1
        AND EXISTS (SELECT 1 FROM json_each('["' || replace(trim(r.roles, ','), ',', '","') || '"]') j
                     WHERE instr(u.roles, ',' || j.value || ',') > 0));
  SELECT RAISE(ABORT, 'orderdesk:maker_cannot_sign')
   WHERE NEW.signoff = 1 AND NEW.actor_id = (SELECT maker_id FROM documents WHERE id = NEW.doc_id);
  SELECT RAISE(ABORT, 'orderdesk:editor_cannot_sign')
   WHERE NEW.signoff = 1 AND EXISTS (
     SELECT 1 FROM document_editors e
      WHERE e.doc_id = NEW.doc_id AND e.user_id = NEW.actor_id
        AND e.signoffs_before = (SELECT count(*) FROM transitions t JOIN documents rd ON rd.id = t.doc_id JOIN wf_states rs ON rs.kind = rd.kind AND rs.status = t.to_status WHERE t.doc_id = NEW.doc_id AND t.signoff = 1 AND rs.editable = 0));
END;

CREATE TRIGGER transitions_apply AFTER INSERT ON transitions
BEGIN
  UPDATE documents
     SET status = NEW.to_status, status_since = NEW.at, version = version + 1,
         updated_at = NEW.at, updated_by = NEW.actor_id
   WHERE id = NEW.doc_id;
END;

CREATE TRIGGER transitions_append_only_u BEFORE UPDATE ON transitions BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER document_editors_append_only_u BEFORE UPDATE ON document_editors BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER document_editors_append_only_d BEFORE DELETE ON document_editors BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

CREATE TABLE customers (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  short_name    TEXT NOT NULL DEFAULT '',
  mnemonic      TEXT NOT NULL DEFAULT '',
  province      TEXT NOT NULL DEFAULT '',
  city          TEXT NOT NULL DEFAULT '',
  address       TEXT NOT NULL DEFAULT '',
  contact       TEXT NOT NULL DEFAULT '',
  phone         TEXT NOT NULL DEFAULT '',
  fax           TEXT NOT NULL DEFAULT '',
  email         TEXT NOT NULL DEFAULT '',
  website       TEXT NOT NULL DEFAULT '',
  produces      TEXT NOT NULL DEFAULT '',
  usual_grades  TEXT NOT NULL DEFAULT '',
  suppliers     TEXT NOT NULL DEFAULT '',
  category      TEXT NOT NULL DEFAULT 'sales' CHECK (category IN ('sales', 'after_sales')),
  rep_id        INTEGER REFERENCES users(id),
  payment_terms TEXT NOT NULL DEFAULT 'prepaid' CHECK (payment_terms IN ('prepaid', 'monthly')),
  terms_days    INTEGER NOT NULL DEFAULT 0 CHECK (terms_days >= 0),
  credit_limit  INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),   -- fen
  terms_doc_id  INTEGER REFERENCES documents(id),
  notes         TEXT NOT NULL DEFAULT '',
  voided        INTEGER NOT NULL DEFAULT 0,
  void_reason   TEXT NOT NULL DEFAULT '',
  version       INTEGER NOT NULL DEFAULT 1,
  search        TEXT NOT NULL DEFAULT '',      -- lower-cased name, short name, mnemonic, phone, code
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX customers_active ON customers(voided, id);
CREATE INDEX customers_mnemonic ON customers(mnemonic);
-- The customer filter's index: each customer's search text as single
-- characters and character pairs, written by customers.go (search.go).
CREATE VIRTUAL TABLE customer_fts USING fts5(grams, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

CREATE TABLE customer_visits (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  visited_on  TEXT NOT NULL,
  kind        TEXT NOT NULL DEFAULT 'visit' CHECK (kind IN ('visit', 'call', 'after_sales')),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX customer_visits_customer ON customer_visits(customer_id, visited_on);

-- A change of payment terms or credit limit is a document of its own; the
-- customer row takes the new terms only from an approved one.
CREATE TABLE terms_changes (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  old_terms   TEXT NOT NULL,
  old_days    INTEGER NOT NULL,
  old_credit  INTEGER NOT NULL,
  new_terms   TEXT NOT NULL CHECK (new_terms IN ('prepaid', 'monthly')),
  new_days    INTEGER NOT NULL CHECK (new_days >= 0),
  new_credit  INTEGER NOT NULL CHECK (new_credit >= 0),
  reason      TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id)
);

CREATE TRIGGER customers_new_terms BEFORE INSERT ON customers
WHEN NEW.payment_terms <> 'prepaid' OR NEW.terms_days <> 0 OR NEW.credit_limit <> 0 OR NEW.terms_doc_id IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:terms_need_signoff');
END;

CREATE TRIGGER customers_terms_guard BEFORE UPDATE OF payment_terms, terms_days, credit_limit, terms_doc_id ON customers
WHEN NEW.payment_terms IS NOT OLD.payment_terms OR NEW.terms_days IS NOT OLD.terms_days
  OR NEW.credit_limit IS NOT OLD.credit_limit OR NEW.terms_doc_id IS NOT OLD.terms_doc_id
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:terms_need_signoff')
   WHERE NEW.terms_doc_id IS NULL OR NEW.terms_doc_id <= coalesce(OLD.terms_doc_id, 0)
      OR NOT EXISTS (
        SELECT 1 FROM terms_changes t JOIN documents d ON d.id = t.doc_id
         WHERE t.doc_id = NEW.terms_doc_id AND d.status = 'approved' AND t.customer_id = NEW.id
           AND t.new_terms = NEW.payment_terms AND t.new_days = NEW.terms_days AND t.new_credit = NEW.credit_limit);
END;

CREATE TRIGGER terms_changes_apply AFTER UPDATE OF status ON documents
WHEN NEW.kind = 'terms_change' AND NEW.status = 'approved' AND OLD.status IS NOT 'approved'
BEGIN
  UPDATE customers
     SET payment_terms = (SELECT new_terms FROM terms_changes WHERE doc_id = NEW.id),
         terms_days    = (SELECT new_days FROM terms_changes WHERE doc_id = NEW.id),
         credit_limit  = (SELECT new_credit FROM terms_changes WHERE doc_id = NEW.id),
         terms_doc_id  = NEW.id,
         version = version + 1, updated_at = NEW.updated_at, updated_by = NEW.updated_by
   WHERE id = (SELECT customer_id FROM terms_changes WHERE doc_id = NEW.id);
END;

CREATE TABLE products (
  id            INTEGER PRIMARY KEY,
  grade         TEXT NOT NULL,                  -- 牌号
  name          TEXT NOT NULL,
  spec          TEXT NOT NULL DEFAULT '',       -- 规格
  unit          TEXT NOT NULL CHECK (unit IN ('t', 'kg', 'pcs')),
  unit_weight   INTEGER NOT NULL DEFAULT 0 CHECK (unit_weight >= 0),  -- grams per piece, 0 when not applicable
  mnemonic      TEXT NOT NULL DEFAULT '',
  voided        INTEGER NOT NULL DEFAULT 0,
  version       INTEGER NOT NULL DEFAULT 1,
  search        TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX products_active ON products(voided, id);

-- The audit log: append-only; hash and prev_hash are sealed once by the
-- writer that produced the row (see audit.go), then never change.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  actor_id  INTEGER,
  tbl       TEXT NOT NULL,
  row_id    INTEGER NOT NULL,
  op        TEXT NOT NULL,
  before    TEXT,
  after     TEXT,
  prev_hash TEXT,
  hash      TEXT
);
CREATE INDEX audit_log_row ON audit_log(tbl, row_id, id);
CREATE INDEX audit_log_unsealed ON audit_log(id) WHERE hash IS NULL;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;
CREATE TRIGGER audit_log_seal_once BEFORE UPDATE ON audit_log
WHEN OLD.hash IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor_id IS NOT OLD.actor_id
  OR NEW.tbl IS NOT OLD.tbl OR NEW.row_id IS NOT OLD.row_id OR NEW.op IS NOT OLD.op
  OR NEW.before IS NOT OLD.before OR NEW.after IS NOT OLD.after
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users(id)
);
