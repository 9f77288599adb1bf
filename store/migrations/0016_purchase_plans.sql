-- The monthly purchase plan (月采购计划, kind 'purchase_plan'): for a
-- month ('YYYY-MM'), per product name (品名), grade (牌号) and spec, the
-- tonnes still to be bought, derived from the approved month sales
-- plans and the open order lines planning answered "needs purchase",
-- less what planning answered on hand. The desk drafts it, a supervisor
-- who did not make it approves it (transitions_guard), the desk sends
-- it to purchasing. Tonnes are INTEGER thousandths (store.Milli).
CREATE TABLE purchase_plans (
  id         INTEGER PRIMARY KEY,
  doc_id     INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  month      TEXT NOT NULL CHECK (length(month) = 7 AND substr(month, 5, 1) = '-'),
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX purchase_plans_month ON purchase_plans(month, doc_id);

-- One line: what the month needs of one product, and where each figure
-- came from. from_plans is the approved month sales plans' tonnes of the
-- product group not yet ordered; from_orders the weight of open order
-- lines answered "needs purchase"; in_stock what planning answered on
-- hand of those; tonnes what is to be bought (derived as from_plans +
-- from_orders - in_stock, editable before submit); sources names the
-- plans and order lines behind the figures. Lines are never deleted.
CREATE TABLE purchase_plan_lines (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL REFERENCES documents(id),
  line_no     INTEGER NOT NULL CHECK (line_no > 0),
  name        TEXT NOT NULL DEFAULT '',
  grade       TEXT NOT NULL DEFAULT '',
  spec        TEXT NOT NULL DEFAULT '',
  from_plans  INTEGER NOT NULL DEFAULT 0 CHECK (from_plans >= 0),
  from_orders INTEGER NOT NULL DEFAULT 0 CHECK (from_orders >= 0),
  in_stock    INTEGER NOT NULL DEFAULT 0 CHECK (in_stock >= 0),
  tonnes      INTEGER NOT NULL DEFAULT 0 CHECK (tonnes >= 0 AND tonnes <= 1000000000000),
  note        TEXT NOT NULL DEFAULT '',
  sources     TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (doc_id, line_no)
);

-- One month has one approved plan: approving a second while another is
-- approved or with purchasing is refused.
CREATE TRIGGER purchase_plan_transition_guard BEFORE INSERT ON transitions
WHEN NEW.to_status = 'approved' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'purchase_plan'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:plan_overlap')
   WHERE EXISTS (
     SELECT 1 FROM purchase_plans p
       JOIN purchase_plans o ON o.month = p.month AND o.doc_id <> p.doc_id
       JOIN documents od ON od.id = o.doc_id AND od.status IN ('approved', 'sent')
      WHERE p.doc_id = NEW.doc_id);
END;
