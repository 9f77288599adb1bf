package store

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"orderdesk/store/pgschema"
)

// PostgreSQL's guards are checked in its catalogue against the scripts
// this program makes them from (migratePostgres): each trigger's
// statement (pg_get_triggerdef, its table's schema left out) and that it is enabled, each function's
// body (pg_proc.prosrc, kept as written), and which views there are. A
// view's text is kept only as the server rewrites it, which differs by
// its version, so a view is checked by name alone.

// pgExpected is the triggers, functions and views this program makes,
// by pgKey, and the order its scripts make them in; shared, so read
// only.
func pgExpected(ctx context.Context, t *Tx) (map[string]pgschema.CatalogObject, []string, error) {
	guards, err := pgGuards(ctx, t)
	if err != nil {
		return nil, nil, err
	}
	script := strings.Join([]string{pgschema.Functions(skippedList()), pgCompat, guards, pgschema.RulesScript}, ";\n")
	lastExpected.Lock()
	defer lastExpected.Unlock()
	if lastExpected.script != script {
		lastExpected.want, lastExpected.order = catalogByKey(pgschema.CatalogObjects(script))
		lastExpected.script = script
	}
	return lastExpected.want, lastExpected.order, nil
}

// lastExpected is the last script pgExpected read, as it read it:
// every database of one program's schema gives the same script, and
// reading it (pgschema.CatalogObjects' regular expressions over 250 KB)
// cost every open on PostgreSQL about 6 ms.
var lastExpected struct {
	sync.Mutex
	script string
	want   map[string]pgschema.CatalogObject
	order  []string
}

// catalogByKey is objs by pgKey, the last of a key kept, and the keys
// in the order of their first.
func catalogByKey(objs []pgschema.CatalogObject) (map[string]pgschema.CatalogObject, []string) {
	out := make(map[string]pgschema.CatalogObject, len(objs))
	order := make([]string, 0, len(objs))
	for _, o := range objs {
		k := pgKey(o)
		if _, dup := out[k]; !dup {
			order = append(order, k)
		}
		out[k] = o
	}
	return out, order
}

func pgKey(o pgschema.CatalogObject) string { return o.Type + " " + o.Name }

// pgLive is what the catalogue holds of the same, in the database's
// schema; a function or trigger set to run otherwise than as made (a
// trigger disabled, a function made SECURITY DEFINER or given settings)
// gets a Def no script has.
func pgLive(ctx context.Context, t *Tx) (map[string]pgschema.CatalogObject, error) {
	rows, err := t.tx.QueryContext(ctx, pgschema.Native(`
SELECT 'trigger', t.tgname::text, c.relname::text,
       replace(pg_get_triggerdef(t.oid), ' ON ' || quote_ident(current_schema()) || '.', ' ON ') || CASE WHEN t.tgenabled = 'O' THEN '' ELSE ' -- enabled ' || t.tgenabled::text END
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE NOT t.tgisinternal AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
UNION ALL
SELECT 'function', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', '',
       p.prosrc || CASE WHEN p.prosecdef OR p.proconfig IS NOT NULL THEN ' -- run as set' ELSE '' END
  FROM pg_proc p
 WHERE p.prokind = 'f' AND p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
UNION ALL
SELECT 'view', c.relname::text, '', ''
  FROM pg_class c WHERE c.relkind = 'v' AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]pgschema.CatalogObject{}
	for rows.Next() {
		var o pgschema.CatalogObject
		if err := rows.Scan(&o.Type, &o.Name, &o.Table, &o.Def); err != nil {
			return nil, err
		}
		out[pgKey(o)] = o
	}
	return out, rows.Err()
}

// pgDiff is each object that is missing, extra or altered, by pgKey.
func pgDiff(want, have map[string]pgschema.CatalogObject) map[string]string {
	out := map[string]string{}
	for k, w := range want {
		h, ok := have[k]
		switch {
		case !ok:
			out[k] = "missing"
		case w.Type != "view" && !pgschema.SameDef(w.Def, h.Def):
			out[k] = "altered"
		}
	}
	for k := range have {
		if _, ok := want[k]; !ok {
			out[k] = "extra"
		}
	}
	return out
}

// firingPlace is the place a hand-written rule's name leads with here
// (pgschema.FiringName), left out where a problem names it.
var firingPlace = regexp.MustCompile(`^r[0-9]{4}_`)

// pgSchemaProblems compares the catalogue with this program's scripts
// and names what differs as SQLite's check names it: a rule's trigger
// by SQLite's name, and a trigger's own function as that trigger
// (trg_X is trigger X's body), so the same tampering reads the same on
// both engines.
func pgSchemaProblems(ctx context.Context, t *Tx) ([]SchemaProblem, error) {
	want, _, err := pgExpected(ctx, t)
	if err != nil {
		return nil, fmt.Errorf("expected schema: %w", err)
	}
	have, err := pgLive(ctx, t)
	if err != nil {
		return nil, err
	}
	triggers := map[string]bool{}
	for _, o := range want {
		if o.Type == "trigger" {
			triggers[firingPlace.ReplaceAllString(o.Name, "")] = true
		}
	}
	found := map[string]SchemaProblem{}
	diff := pgDiff(want, have)
	keys := make([]string, 0, len(diff))
	for k := range diff {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		typ, name, _ := strings.Cut(k, " ")
		p := SchemaProblem{Object: typ, Name: name, What: diff[k]}
		switch {
		case typ == "trigger":
			p.Name = firingPlace.ReplaceAllString(name, "")
		case typ == "function" && strings.HasPrefix(name, "trg_") && strings.HasSuffix(name, "()") &&
			triggers[strings.TrimSuffix(strings.TrimPrefix(name, "trg_"), "()")]:
			p.Object, p.Name = "trigger", strings.TrimSuffix(strings.TrimPrefix(name, "trg_"), "()")
			if p.What != "missing" {
				p.What = "altered" // its trigger is there: what it runs is not
			}
		}
		// A trigger missing outranks its function altered.
		key := p.Object + " " + p.Name
		if prev, ok := found[key]; !ok || prev.What != "missing" {
			found[key] = p
		}
	}
	out := make([]SchemaProblem, 0, len(found))
	for _, p := range found {
		out = append(out, p)
	}
	sortProblems(out)
	return out, nil
}

// pgRecreate makes the catalogue this program's again: the functions
// that differ written anew, the triggers that differ dropped and made
// again, the views missing made and the ones it does not know dropped,
// and unknown functions dropped last. It needs the schema's owner.
func pgRecreate(ctx context.Context, t *Tx) error {
	want, order, err := pgExpected(ctx, t)
	if err != nil {
		return err
	}
	have, err := pgLive(ctx, t)
	if err != nil {
		return err
	}
	diff := pgDiff(want, have)
	var steps []string
	for _, k := range order { // functions first: a trigger names its function
		if w := want[k]; w.Type == "function" && diff[k] != "" {
			steps = append(steps, createOrReplace.ReplaceAllString(w.SQL, "CREATE OR REPLACE FUNCTION"))
		}
	}
	for k, what := range diff {
		if h := have[k]; what != "missing" && h.Type == "trigger" {
			steps = append(steps, fmt.Sprintf(`DROP TRIGGER %q ON %q`, h.Name, h.Table))
		}
		if h := have[k]; what == "extra" && h.Type == "view" {
			steps = append(steps, fmt.Sprintf(`DROP VIEW %q`, h.Name))
		}
	}
	for _, typ := range []string{"view", "trigger"} {
		for _, k := range order {
			if w := want[k]; w.Type == typ && diff[k] != "" {
				steps = append(steps, w.SQL)
			}
		}
	}
	for k, what := range diff {
		if h := have[k]; what == "extra" && h.Type == "function" {
			name, args, _ := strings.Cut(h.Name, "(")
			steps = append(steps, fmt.Sprintf(`DROP FUNCTION %q(%s`, name, args))
		}
	}
	for _, st := range steps {
		if err := t.script(ctx, st); err != nil {
			return fmt.Errorf("repair: %s: %w", strings.SplitN(st, "\n", 2)[0], classify(err))
		}
	}
	return nil
}

var createOrReplace = regexp.MustCompile(`(?i)^CREATE\s+(OR\s+REPLACE\s+)?FUNCTION`)
