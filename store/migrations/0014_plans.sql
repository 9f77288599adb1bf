-- Sales plans (销售计划) and targets (销售目标). Money is INTEGER fen,
-- tonnes INTEGER thousandths of a tonne (store.Milli); days 'YYYY-MM-DD'.
--
-- A plan (kind 'sales_plan') is one rep's plan for a month, a week or a
-- day: per customer or product group the tonnes and amount expected,
-- the new customers to win, and for a week the customers to call or
-- visit and what the week is to achieve. A rep or the desk drafts it, a
-- supervisor who did not make it approves it (transitions_guard). Two
-- approved plans of one rep and period kind never overlap.
CREATE TABLE sales_plans (
  id            INTEGER PRIMARY KEY,
  doc_id        INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  rep_id        INTEGER NOT NULL REFERENCES users(id),
  period        TEXT NOT NULL CHECK (period IN ('month', 'week', 'day')),
  starts_on     TEXT NOT NULL CHECK (length(starts_on) = 10),
  ends_on       TEXT NOT NULL CHECK (length(ends_on) = 10),
  new_customers INTEGER NOT NULL DEFAULT 0 CHECK (new_customers >= 0 AND new_customers <= 100000),
  aims          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER NOT NULL REFERENCES users(id),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX sales_plans_rep ON sales_plans(rep_id, period, starts_on);

-- One line of a plan: a customer, a product group (a product name, 品名,
-- of the catalogue), or a prospect to add by name; what is to be done
-- (call, visit) and the tonnes and amount expected. Lines are never
-- deleted: a line dropped from a draft is marked removed.
CREATE TABLE sales_plan_lines (
  id            INTEGER PRIMARY KEY,
  doc_id        INTEGER NOT NULL REFERENCES documents(id),
  line_no       INTEGER NOT NULL CHECK (line_no > 0),
  customer_id   INTEGER REFERENCES customers(id),
  product_group TEXT NOT NULL DEFAULT '',
  prospect      TEXT NOT NULL DEFAULT '',
  activity      TEXT NOT NULL DEFAULT '' CHECK (activity IN ('', 'call', 'visit')),
  tonnes        INTEGER NOT NULL DEFAULT 0 CHECK (tonnes >= 0 AND tonnes <= 1000000000000),
  amount        INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0 AND amount <= 100000000000000),
  note          TEXT NOT NULL DEFAULT '',
  removed       INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (doc_id, line_no)
);
CREATE INDEX sales_plan_lines_customer ON sales_plan_lines(customer_id, doc_id);

-- What a plan's period did, written afterwards (a week's results):
-- append-only, only on an approved plan.
CREATE TABLE sales_plan_results (
  id          INTEGER PRIMARY KEY,
  plan_doc_id INTEGER NOT NULL REFERENCES documents(id),
  result      TEXT NOT NULL CHECK (length(trim(result)) > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX sales_plan_results_plan ON sales_plan_results(plan_doc_id, id);
CREATE TRIGGER sales_plan_results_guard BEFORE INSERT ON sales_plan_results
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:stale_status')
   WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.plan_doc_id AND kind = 'sales_plan' AND status = 'approved');
END;
CREATE TRIGGER sales_plan_results_no_update BEFORE UPDATE ON sales_plan_results
BEGIN SELECT RAISE(ABORT, 'orderdesk:append_only'); END;

-- A target (kind 'sales_target'): one rep's tonnes and amount for a
-- month ('YYYY-MM') or a year ('YYYY'), approved like a plan; one
-- approved target per rep and period.
CREATE TABLE sales_targets (
  id         INTEGER PRIMARY KEY,
  doc_id     INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  rep_id     INTEGER NOT NULL REFERENCES users(id),
  period     TEXT NOT NULL CHECK ((length(period) = 7 AND substr(period, 5, 1) = '-') OR length(period) = 4),
  tonnes     INTEGER NOT NULL DEFAULT 0 CHECK (tonnes >= 0 AND tonnes <= 1000000000000),
  amount     INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0 AND amount <= 100000000000000),
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX sales_targets_rep ON sales_targets(rep_id, period);

-- Approval checks, where the data lives: no two approved plans of one
-- rep and period kind overlap, and no two approved targets of one rep
-- share a period.
CREATE TRIGGER sales_plan_transition_guard BEFORE INSERT ON transitions
WHEN NEW.to_status = 'approved' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'sales_plan'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:plan_overlap')
   WHERE EXISTS (
     SELECT 1 FROM sales_plans p
       JOIN sales_plans o ON o.rep_id = p.rep_id AND o.period = p.period AND o.doc_id <> p.doc_id
                         AND o.starts_on <= p.ends_on AND p.starts_on <= o.ends_on
       JOIN documents od ON od.id = o.doc_id AND od.status = 'approved'
      WHERE p.doc_id = NEW.doc_id);
END;
CREATE TRIGGER sales_target_transition_guard BEFORE INSERT ON transitions
WHEN NEW.to_status = 'approved' AND (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'sales_target'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:target_exists')
   WHERE EXISTS (
     SELECT 1 FROM sales_targets p
       JOIN sales_targets o ON o.rep_id = p.rep_id AND o.period = p.period AND o.doc_id <> p.doc_id
       JOIN documents od ON od.id = o.doc_id AND od.status = 'approved'
      WHERE p.doc_id = NEW.doc_id);
END;
