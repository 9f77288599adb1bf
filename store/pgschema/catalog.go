package pgschema

import (
	"regexp"
	"strings"
)

// CatalogObject is one trigger, function or view a script makes, as the
// store's check of PostgreSQL's catalogue compares it with what the
// catalogue holds (store/pgschemacheck.go).
type CatalogObject struct {
	Type string // "trigger", "function" or "view"
	// Name is a function's with its argument types as PostgreSQL names
	// them (length(bigint), trg_keep_orders_i()).
	Name  string
	Table string // a trigger's
	// Def is what the catalogue keeps of it: a trigger's statement, a
	// function's body (pg_proc.prosrc); a view's is not compared.
	Def string
	SQL string // the statement that makes it
}

var (
	createFunction = regexp.MustCompile(`(?is)^CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+(\w+)\s*\(([^)]*)\).*?\bAS\s+(\$f\$(.*)\$f\$|'((?:[^']|'')*)')`)
	createTrigger  = regexp.MustCompile(`(?is)^CREATE\s+TRIGGER\s+(\w+)\s.*?\bON\s+(\w+)\s`)
	createView     = regexp.MustCompile(`(?is)^CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(\w+)\b`)
)

// CatalogObjects are the triggers, functions and views script makes, in
// its order.
func CatalogObjects(script string) []CatalogObject {
	var out []CatalogObject
	for _, st := range Statements(script) {
		switch {
		case createFunction.MatchString(st):
			m := createFunction.FindStringSubmatch(st)
			body := m[4]
			if !strings.HasPrefix(m[3], "$f$") {
				body = strings.ReplaceAll(m[5], "''", "'")
			}
			out = append(out, CatalogObject{Type: "function", Name: m[1] + "(" + ArgTypes(m[2]) + ")", Def: body, SQL: st})
		case createTrigger.MatchString(st):
			m := createTrigger.FindStringSubmatch(st)
			out = append(out, CatalogObject{Type: "trigger", Name: m[1], Table: m[2], Def: st, SQL: st})
		case createView.MatchString(st):
			out = append(out, CatalogObject{Type: "view", Name: createView.FindStringSubmatch(st)[1], SQL: st})
		}
	}
	return out
}

// ArgTypes writes a list of argument types as
// pg_get_function_identity_arguments does: "bigint, boolean".
func ArgTypes(args string) string {
	var out []string
	for _, a := range strings.Split(args, ",") {
		if a = strings.Join(strings.Fields(strings.ToLower(a)), " "); a != "" {
			out = append(out, a)
		}
	}
	return strings.Join(out, ", ")
}

// Statements splits a script at the semicolons outside strings, $f$
// bodies and comments; each statement comes back trimmed, comments
// before it left out.
func Statements(script string) []string {
	var out []string
	start := 0
	flush := func(end int) {
		var lines []string
		for _, l := range strings.Split(script[start:end], "\n") {
			if t := strings.TrimSpace(l); len(lines) > 0 || t != "" && !strings.HasPrefix(t, "--") {
				lines = append(lines, l)
			}
		}
		if st := strings.TrimSpace(strings.Join(lines, "\n")); st != "" {
			out = append(out, st)
		}
	}
	for i := 0; i < len(script); i++ {
		switch c := script[i]; {
		case c == '\'': // to the closing quote; a doubled one is in the string
			for i++; i < len(script); i++ {
				if script[i] == '\'' {
					if i+1 < len(script) && script[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
		case c == '-' && strings.HasPrefix(script[i:], "--"):
			for i < len(script) && script[i] != '\n' {
				i++
			}
		case c == '$' && strings.HasPrefix(script[i:], "$f$"):
			if end := strings.Index(script[i+3:], "$f$"); end >= 0 {
				i += 3 + end + 2
			}
		case c == ';':
			flush(i)
			start = i + 1
		}
	}
	flush(len(script))
	return out
}

// SameDef says whether two definitions are the same but for layout.
func SameDef(a, b string) bool {
	return strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(a), ";")), " ") ==
		strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimSpace(b), ";")), " ")
}
