package pgschema

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// generated are the name prefixes of the triggers the store generates
// from its lists (audit_triggers.go); PostgreSQL has its own (Triggers).
var generated = regexp.MustCompile(`^(audit_\w+_[iud]|doc_\w+_(fixed|guard_[iu]|log_[iu])|keep_\w+_[iu])$`)

// Rules translates SQLite's views and hand-written triggers into one
// PostgreSQL script: views first, each after the views it reads, then
// the triggers by name. objects are in SQLite's order of creation (its
// schema table's rowids), which gives each trigger its place in firing
// (FiringName). ownRowid names the tables that keep a rowid column here.
func Rules(objects []Object, ownRowid map[string]bool) (string, error) {
	views := map[string]Object{}
	var viewNames, triggers []string
	bySQL := map[string]string{}
	created := map[string]int{}
	for _, o := range objects {
		switch {
		case o.Type == "view":
			views[o.Name] = o
			viewNames = append(viewNames, o.Name)
		case o.Type == "trigger" && !generated.MatchString(o.Name) && !strings.Contains(o.Table, "_fts"):
			created[o.Name] = len(triggers)
			triggers = append(triggers, o.Name)
			bySQL[o.Name] = o.SQL
		}
	}
	if len(triggers) > firstPlace {
		return "", fmt.Errorf("%d hand-written triggers: FiringName counts places from %d", len(triggers), firstPlace)
	}
	sort.Strings(viewNames)
	sort.Strings(triggers)
	var b strings.Builder
	done := map[string]bool{}
	var visit func(name string, path []string) error
	visit = func(name string, path []string) error {
		if done[name] {
			return nil
		}
		if len(path) > len(views) {
			return fmt.Errorf("views read each other in a circle: %s", strings.Join(path, " → "))
		}
		for _, other := range viewNames {
			if other != name && regexp.MustCompile(`\b`+other+`\b`).MatchString(views[name].SQL) {
				if err := visit(other, append(path, name)); err != nil {
					return err
				}
			}
		}
		done[name] = true
		sql, err := View(views[name].SQL)
		if err != nil {
			return fmt.Errorf("view %s: %w", name, err)
		}
		b.WriteString(sql + "\n")
		return nil
	}
	for _, v := range viewNames {
		if err := visit(v, nil); err != nil {
			return "", err
		}
	}
	for _, name := range triggers {
		sql, ok, err := override(name, bySQL[name])
		if err == nil && !ok {
			sql, err = Rule(bySQL[name], ownRowid)
		}
		if err != nil {
			return "", err
		}
		head := "CREATE TRIGGER " + name + " "
		if !strings.Contains(sql, head) {
			return "", fmt.Errorf("trigger %s: its translation creates no trigger of that name", name)
		}
		b.WriteString(strings.Replace(sql, head, "CREATE TRIGGER "+FiringName(name, created[name])+" ", 1) + "\n")
	}
	return b.String(), nil
}

// firstPlace is the place of SQLite's oldest hand-written trigger.
const firstPlace = 9999

// FiringName is the name PostgreSQL knows the hand-written trigger made
// created-th (from 0) by. PostgreSQL fires a table's triggers of one
// event in the order of their names, SQLite the newest first; a
// statement two rules refuse is refused in the same words on both only
// when they fire in the same order. So the name leads with the
// trigger's place counted down from the oldest: a newer trigger sorts
// first, and one added later renames none before it. The generated
// guards (audit_…, keep_…), made after every migration and so fired
// first by SQLite, sort before every "r".
func FiringName(name string, created int) string {
	return fmt.Sprintf("r%04d_%s", firstPlace-created, name)
}
