package pgschema

import (
	"regexp"
	"strings"
	"sync"
)

var (
	insertOrReplace = regexp.MustCompile(`(?is)^(\s*INSERT)\s+OR\s+REPLACE(\s+INTO\s+(\w+)\s*\(([^)]*)\))`)
	tableHead       = regexp.MustCompile(`(?s)CREATE TABLE (\w+) \((.*?)\n\);`)
	keyConstraint   = regexp.MustCompile(`PRIMARY KEY \(([^)]*)\)`)
	keyColumn       = regexp.MustCompile(`(?m)^\s*(\w+)\s+[^,\n]*PRIMARY KEY`)
)

// primaryKeys are the tables' key columns, read once from the script.
var primaryKeys = sync.OnceValue(func() map[string]string {
	keys := map[string]string{}
	for _, m := range tableHead.FindAllStringSubmatch(Tables+SearchTables, -1) {
		if k := keyConstraint.FindStringSubmatch(m[2]); k != nil {
			keys[m[1]] = k[1]
		} else if k := keyColumn.FindStringSubmatch(m[2]); k != nil {
			keys[m[1]] = k[1]
		}
	}
	return keys
})

// replaceAsUpsert carries SQLite's INSERT OR REPLACE over as an insert
// that updates the row with the same key.
func replaceAsUpsert(q string) (string, bool) {
	m := insertOrReplace.FindStringSubmatch(q)
	if m == nil {
		return q, false
	}
	key, ok := primaryKeys()[m[3]]
	if !ok {
		return q, false
	}
	inKey := map[string]bool{}
	for _, k := range strings.Split(key, ",") {
		inKey[strings.TrimSpace(k)] = true
	}
	var set []string
	for _, c := range strings.Split(m[4], ",") {
		if c = strings.TrimSpace(c); !inKey[c] {
			set = append(set, c+" = excluded."+c)
		}
	}
	action := "DO NOTHING"
	if len(set) > 0 {
		action = "DO UPDATE SET " + strings.Join(set, ", ")
	}
	return insertOrReplace.ReplaceAllString(q, "$1$2") + "\nON CONFLICT (" + key + ") " + action, true
}
