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
// the triggers by name. ownRowid names the tables that keep a rowid
// column here.
func Rules(objects []Object, ownRowid map[string]bool) (string, error) {
	views := map[string]Object{}
	var viewNames, triggers []string
	bySQL := map[string]string{}
	for _, o := range objects {
		switch {
		case o.Type == "view":
			views[o.Name] = o
			viewNames = append(viewNames, o.Name)
		case o.Type == "trigger" && !generated.MatchString(o.Name) && !strings.Contains(o.Table, "_fts"):
			triggers = append(triggers, o.Name)
			bySQL[o.Name] = o.SQL
		}
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
		b.WriteString(sql + "\n")
	}
	return b.String(), nil
}
