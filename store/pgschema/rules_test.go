package pgschema

import (
	"strings"
	"testing"
)

func TestCarryingExpressions(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a day shift", "date(NEW.created_at, '+1 day')", "((substr(NEW.created_at, 1, 10)::date + 1))::text"},
		{"a shift by an expression", "date(NEW.released_on, '+' || o.terms_days || ' days')",
			"((substr(NEW.released_on, 1, 10)::date + (o.terms_days)::int))::text"},
		{"a number or a mark", "coalesce(price, '-')", "coalesce((price)::text, '-')"},
		{"numbers stay numbers", "coalesce(sum(x), 0)", "coalesce(sum(x), 0)"},
		{"the month's end", "date(d, 'start of month', '+1 month', '-1 day')",
			"(((date_trunc('month', substr(d, 1, 10)::date)::date + interval '1 month')::date - 1))::text"},
		{"a negative start counts from the end", "substr(n, -9, 1)", "substr(n, (length(n) + 1 -9)::int, 1)"},
		{"scalar max", "max(a - b, 0)", "greatest(a - b, 0)"},
		{"a position of any integer type", "substr(s, 1, NEW.digits)", "substr(s, 1, (NEW.digits)::int)"},
		{"seconds of a stamp", "unixepoch(d.created_at)", "floor(extract(epoch from (d.created_at)::timestamp))::bigint"},
		{"the clock", "strftime('%Y-%m-%dT%H:%M:%fZ','now')", utcNow},
		{"aggregate max stays", "max(id)", "max(id)"},
		{"instr", "instr(u.roles, ',finance,')", "strpos(u.roles, ',finance,')"},
		{"a quarter's name", "printf('%s-%02d', y, q)",
			"(coalesce((y)::text, '') || '-' || lpad(coalesce(((q)::bigint)::text, '0'), greatest(2, length(coalesce(((q)::bigint)::text, '0'))), '0'))"},
		{"a record", "printf('%d\x1f%s\x1f%d%%', n, t, m)",
			"(coalesce(((n)::bigint)::text, '0') || '\x1f' || coalesce((t)::text, '') || '\x1f' || coalesce(((m)::bigint)::text, '0') || '%')"},
		{"a character", "group_concat(x, char(30))", "string_agg((x)::text, (chr(30)))"},
		{"a JSON object as SQLite writes it", "json_object('kind', NEW.kind, 'n', ?)",
			`('{' || '"kind"' || ':' || orderdesk_json(NEW.kind) || ',' || '"n"' || ':' || orderdesk_json(?) || '}')`},
		{"a JSON field", "json_extract(l.fields, '$.fen')", "((l.fields)::jsonb ->> 'fen')"},
		{"a column named like a function is left", "NEW.date", "NEW.date"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rewriteCalls(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("rewriteCalls(%q)\n got %q, %v\nwant %q", tc.in, got, err, tc.want)
			}
		})
	}
	for in, want := range map[string]string{
		"a IS NOT b":            "a IS DISTINCT FROM b",
		"a IS NOT NULL":         "a IS NOT NULL",
		"a IS b":                "a IS NOT DISTINCT FROM b",
		"a IS NULL":             "a IS NULL",
		"CAST(v AS INTEGER)":    "CAST(v AS bigint)",
		"x = 'IS NOT'":          "x = 'IS NOT'",
		"NEW.rowid = 1":         "NEW.id = 1",
		"n NOT GLOB '*[^0-9]*'": "n NOT GLOB '*[^0-9]*'", // globs() carries these
	} {
		if got := expr(in, "orders", nil); got != want {
			t.Errorf("expr(%q) = %q, want %q", in, got, want)
		}
	}
	if got, _ := globs("n NOT GLOB '*[^0-9]*' AND m GLOB 'a?.b'"); got != `n !~ '^.*[^0-9].*$' AND m ~ '^a.\.b$'` {
		t.Errorf("globs: %q", got)
	}
	if got := aliasSubqueries("SELECT x FROM (SELECT 1 AS x) WHERE x > 0"); got != "SELECT x FROM (SELECT 1 AS x) AS sub1 WHERE x > 0" {
		t.Errorf("aliasSubqueries: %q", got)
	}
	if got := aliasSubqueries("SELECT x FROM (SELECT 1 AS x) s"); got != "SELECT x FROM (SELECT 1 AS x) s" {
		t.Errorf("aliasSubqueries named twice: %q", got)
	}
	got := qualifyUpsert("INSERT INTO m(k, n) VALUES (1, 2) ON CONFLICT (k) DO UPDATE SET n = n + excluded.n")
	if !strings.HasSuffix(got, "SET n = m.n + excluded.n") {
		t.Errorf("qualifyUpsert: %q", got)
	}
}

func TestRuleForms(t *testing.T) {
	got, err := Rule(`CREATE TRIGGER t_guard BEFORE UPDATE OF status ON documents
WHEN NEW.status IS NOT OLD.status
BEGIN
  -- a comment; with a semicolon
  SELECT RAISE(ABORT, 'orderdesk:stale_status') WHERE NOT EXISTS (SELECT 1 FROM transitions WHERE doc_id = NEW.id);
  SELECT RAISE(ABORT, 'orderdesk:x') FROM users WHERE id = NEW.updated_by AND active = 0;
  INSERT OR IGNORE INTO seen(doc_id) VALUES (NEW.id);
END`, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"IF NOT coalesce((NEW.status IS DISTINCT FROM OLD.status), false) THEN\n    RETURN NEW;",
		"IF NOT EXISTS (SELECT 1 FROM transitions WHERE doc_id = NEW.id) THEN\n    RAISE EXCEPTION 'orderdesk:stale_status';",
		"IF EXISTS (SELECT 1 FROM users WHERE id = NEW.updated_by AND active = 0) THEN",
		"INSERT INTO seen(doc_id) VALUES (NEW.id)\n  ON CONFLICT DO NOTHING;",
		"CREATE TRIGGER t_guard BEFORE UPDATE OF status ON documents FOR EACH ROW EXECUTE FUNCTION trg_t_guard();",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if _, err := Rule("CREATE TRIGGER x AFTER INSERT ON a BEGIN INSERT OR REPLACE INTO b VALUES (1); END", nil); err == nil {
		t.Error("INSERT OR REPLACE carried without a word")
	}
}

func TestQuery(t *testing.T) {
	for in, want := range map[string]string{
		"SELECT id FROM users WHERE login = ? AND name <> '?'": "SELECT id FROM users WHERE login = $1 AND name <> '?'",
		"INSERT OR IGNORE INTO seen(a) VALUES (?)":             "INSERT INTO seen(a) VALUES ($1)\nON CONFLICT DO NOTHING",
		"SELECT max(a, ?) FROM t WHERE b IS NOT ?":             "SELECT greatest(a, $1) FROM t WHERE b IS DISTINCT FROM $2",
		"SELECT a FROM t WHERE id > ?1 AND x <= ?1":            "SELECT a FROM t WHERE id > $1 AND x <= $1",
		"SELECT a FROM t WHERE ?2 = 0 OR b = ?1 LIMIT ?":       "SELECT a FROM t WHERE $2 = 0 OR b = $1 LIMIT $3",
		"UPDATE a SET j = json_set(j, '$.k', 9, '$.n', 'x')":   "UPDATE a SET j = (jsonb_set(jsonb_set((j)::jsonb, '{k}', to_jsonb(9)), '{n}', to_jsonb('x'::text)))::text",
		"SELECT json_remove(j, '$.id', '$.doc_id') FROM a":     "SELECT ((j)::jsonb - 'id' - 'doc_id')::text FROM a",
		"BEGIN IMMEDIATE": "BEGIN; SELECT pg_advisory_xact_lock(1869767787)",
	} {
		if got, err := Query(in); err != nil || got != want {
			t.Errorf("Query(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if got, err := Query("INSERT OR REPLACE INTO drafts(user_id, form, payload, updated_at) VALUES (?, ?, ?, ?)"); err != nil ||
		got != "INSERT INTO drafts(user_id, form, payload, updated_at) VALUES ($1, $2, $3, $4)\nON CONFLICT (user_id, form) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at" {
		t.Errorf("INSERT OR REPLACE: %q, %v", got, err)
	}
	if got, _ := Query("DROP TRIGGER audit_log_seal_once"); !strings.Contains(got, `tgname ~ '^r[0-9]{4}_audit_log_seal_once$'`) ||
		!strings.Contains(got, "RAISE EXCEPTION 'no such trigger") {
		t.Errorf("DROP TRIGGER: %s", got)
	}
	if _, err := Query("SELECT julianday(d) FROM t"); err == nil {
		t.Error("julianday carried without a word")
	}
}

func TestAnOverrideGoesStaleWithItsTrigger(t *testing.T) {
	if _, ok, err := override("order_numbers_guard", "CREATE TRIGGER order_numbers_guard BEFORE INSERT ON order_numbers BEGIN END"); ok || err == nil {
		t.Errorf("an override taken for a trigger whose text changed: ok %v, err %v", ok, err)
	}
	if _, ok, err := override("no_such_trigger", "x"); ok || err != nil {
		t.Errorf("a trigger without an override: ok %v, err %v", ok, err)
	}
}

func TestBareColumnsOfAGroup(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a bare column takes one row's value",
			"SELECT NEW.day, r.customer_id, l.item_id, sum(l.kg) FROM r JOIN l ON l.doc_id = r.doc_id WHERE r.doc_id = 1 GROUP BY l.item_id",
			"SELECT NEW.day, min(r.customer_id), l.item_id, sum(l.kg) FROM r JOIN l ON l.doc_id = r.doc_id WHERE r.doc_id = 1 GROUP BY l.item_id"},
		{"an alias stays outside", "SELECT a.x AS y, count(*) FROM a GROUP BY a.z", "SELECT min(a.x) AS y, count(*) FROM a GROUP BY a.z"},
		{"grouped by place", "SELECT a.x, a.y, sum(n) FROM a GROUP BY 1, 2", "SELECT a.x, a.y, sum(n) FROM a GROUP BY 1, 2"},
		{"an upsert's conflict is not the group",
			"INSERT INTO s(d, c, n) SELECT s.day, s.c, sum(n) FROM s GROUP BY s.c ON CONFLICT (d, c) DO UPDATE SET n = s.n + excluded.n",
			"INSERT INTO s(d, c, n) SELECT min(s.day), s.c, sum(n) FROM s GROUP BY s.c ON CONFLICT (d, c) DO UPDATE SET n = s.n + excluded.n"},
		{"an unqualified column", "SELECT receipt_id, invoice_doc_id, -sum(amount) FROM allocations WHERE invoice_doc_id = 3 GROUP BY receipt_id",
			"SELECT receipt_id, min(invoice_doc_id), -sum(amount) FROM allocations WHERE invoice_doc_id = 3 GROUP BY receipt_id"},
		{"a sub-query's group", "SELECT x FROM t WHERE y IN (SELECT a.y, a.z FROM a GROUP BY a.z)",
			"SELECT x FROM t WHERE y IN (SELECT min(a.y), a.z FROM a GROUP BY a.z)"},
		{"a column beside an aggregate", "SELECT r.rep_id, r.sign * sum(s.kg), -sum(x.n) + (SELECT max(v.n) FROM v) FROM s, r GROUP BY 1",
			"SELECT r.rep_id, min(r.sign) * sum(s.kg), -sum(x.n) + (SELECT max(v.n) FROM v) FROM s, r GROUP BY 1"},
		{"grouped by its alias", "SELECT coalesce(o.root, o.id) AS root, min(b.day) FROM o GROUP BY root",
			"SELECT coalesce(o.root, o.id) AS root, min(b.day) FROM o GROUP BY root"},
		{"no group, nothing to carry", "SELECT a.x, b.y FROM a JOIN b ON b.id = a.id", "SELECT a.x, b.y FROM a JOIN b ON b.id = a.id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := bareColumns(tc.in); got != tc.want {
				t.Errorf("bareColumns(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestTriggersFireInSQLitesOrder: PostgreSQL fires by name, so the newer
// trigger's name sorts first, as SQLite fires the newest first, and the
// generated guards' before both.
func TestTriggersFireInSQLitesOrder(t *testing.T) {
	older, newer := FiringName("zz_guard", 3), FiringName("aa_guard", 40)
	if !(newer < older) {
		t.Errorf("%s sorts after %s: the newer would fire second", newer, older)
	}
	for _, g := range []string{"keep_visit_reviews_i", "audit_visit_reviews_d"} {
		if !(g < newer) {
			t.Errorf("the generated %s sorts after the rule %s", g, newer)
		}
	}
	script, err := Rules([]Object{
		{Type: "trigger", Name: "b_rule", Table: "t", SQL: "CREATE TRIGGER b_rule BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'orderdesk:b'); END"},
		{Type: "trigger", Name: "a_rule", Table: "t", SQL: "CREATE TRIGGER a_rule BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'orderdesk:a'); END"},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"CREATE TRIGGER r9999_b_rule ", "CREATE TRIGGER r9998_a_rule "} {
		if !strings.Contains(script, want) {
			t.Errorf("missing %q in:\n%s", want, script)
		}
	}
}
