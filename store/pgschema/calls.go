package pgschema

import (
	"fmt"
	"regexp"
	"strings"
)

// SQLite functions whose PostgreSQL forms differ, rewritten call by call
// (their arguments first).
var callRewrites = map[string]func(args []string) (string, error){
	"date":        dateCall,
	"substr":      substrCall,
	"typeof":      func(a []string) (string, error) { return fmt.Sprintf("pg_typeof(%s)::text", a[0]), nil },
	"json_object": jsonObjectCall,
	"json_extract": func(a []string) (string, error) {
		if len(a) != 2 {
			return "", fmt.Errorf("json_extract with %d arguments", len(a))
		}
		key, err := jsonKey(a[1])
		return fmt.Sprintf("((%s)::jsonb ->> '%s')", a[0], key), err
	},
	"json_set":    jsonSetCall,
	"json_remove": jsonRemoveCall,
	"json_each": func(a []string) (string, error) {
		return fmt.Sprintf("json_array_elements_text((%s)::json)", a[0]), nil
	},
	"printf": printfCall,
	"char":   charCall,
	"instr":  func(a []string) (string, error) { return "strpos(" + strings.Join(a, ", ") + ")", nil },
	"group_concat": func(a []string) (string, error) {
		sep := "','"
		if len(a) > 1 {
			sep = a[1]
		}
		return fmt.Sprintf("string_agg((%s)::text, %s)", a[0], sep), nil
	},
	"strftime": func(a []string) (string, error) {
		if len(a) == 2 && a[0] == "'%Y-%m-%dT%H:%M:%fZ'" && a[1] == "'now'" {
			return utcNow, nil
		}
		return "", fmt.Errorf("strftime(%s)", strings.Join(a, ", "))
	},
	// SQLite's whole seconds since 1970 of a stamp written in UTC: the
	// stamp's text read as a time without a zone, so not shifted.
	"unixepoch": func(a []string) (string, error) {
		if len(a) != 1 {
			return "", fmt.Errorf("unixepoch with modifiers")
		}
		return fmt.Sprintf("floor(extract(epoch from (%s)::timestamp))::bigint", a[0]), nil
	},
	"coalesce": coalesceCall,
	"max":      scalarOr("max", "greatest"),
	"min":      scalarOr("min", "least"),
}

// scalarOr keeps an aggregate (one argument) and turns SQLite's scalar
// form (several) into PostgreSQL's.
func scalarOr(aggregate, scalar string) func([]string) (string, error) {
	return func(a []string) (string, error) {
		name := aggregate
		if len(a) > 1 {
			name = scalar
		}
		return name + "(" + strings.Join(a, ", ") + ")", nil
	}
}

// rewriteCalls applies callRewrites to every call in sql.
func rewriteCalls(sql string) (string, error) {
	toks := lex(sql)
	var b strings.Builder
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		fn := callRewrites[strings.ToLower(t.text)]
		open := nextNonSpace(toks, i+1)
		if t.kind != tokWord || fn == nil || open < 0 || toks[open].text != "(" || (i > 0 && toks[i-1].text == ".") {
			b.WriteString(t.text)
			continue
		}
		args, end, err := callArgs(toks, open)
		if err != nil {
			return "", err
		}
		for k, a := range args {
			if args[k], err = rewriteCalls(a); err != nil {
				return "", err
			}
		}
		out, err := fn(args)
		if err != nil {
			return "", fmt.Errorf("%s(): %w", t.text, err)
		}
		b.WriteString(out)
		i = end
	}
	return b.String(), nil
}

func nextNonSpace(toks []token, from int) int {
	for i := from; i < len(toks); i++ {
		if toks[i].kind != tokSpace {
			return i
		}
	}
	return -1
}

// callArgs reads the arguments of the call whose "(" is toks[open],
// returning them and the index of its ")".
func callArgs(toks []token, open int) ([]string, int, error) {
	var args []string
	var cur strings.Builder
	depth := 0
	for i := open; i < len(toks); i++ {
		switch t := toks[i]; {
		case t.text == "(":
			if depth > 0 {
				cur.WriteString(t.text)
			}
			depth++
		case t.text == ")":
			depth--
			if depth == 0 {
				return append(args, strings.TrimSpace(cur.String())), i, nil
			}
			cur.WriteString(t.text)
		case t.text == "," && depth == 1:
			args = append(args, strings.TrimSpace(cur.String()))
			cur.Reset()
		case t.kind == tokComment:
		default:
			cur.WriteString(t.text)
		}
	}
	return nil, 0, fmt.Errorf("a call without its closing parenthesis")
}

var (
	dayShiftLiteral = regexp.MustCompile(`^'([+-])(\d+) days?'$`)
	monthLiteral    = regexp.MustCompile(`^'\+(\d+) months?'$`)
	dayShiftBy      = regexp.MustCompile(`(?s)^'([+-])'\s*\|\|\s*(.+?)\s*\|\|\s*' days'$`)
)

// dateCall is SQLite's date(day or stamp, modifiers…) as text of a day.
func dateCall(a []string) (string, error) {
	day := fmt.Sprintf("substr(%s, 1, 10)::date", a[0])
	for _, mod := range a[1:] {
		if m := dayShiftLiteral.FindStringSubmatch(mod); m != nil {
			day = fmt.Sprintf("(%s %s %s)", day, m[1], m[2])
		} else if m := dayShiftBy.FindStringSubmatch(mod); m != nil {
			day = fmt.Sprintf("(%s %s (%s)::int)", day, m[1], m[2])
		} else if m := monthLiteral.FindStringSubmatch(mod); m != nil {
			day = fmt.Sprintf("(%s + interval '%s month')::date", day, m[1])
		} else if mod == "'start of month'" {
			day = fmt.Sprintf("date_trunc('month', %s)::date", day)
		} else {
			return "", fmt.Errorf("modifier %s", mod)
		}
	}
	return "(" + day + ")::text", nil
}

// substrCall counts a negative start from the end, as SQLite does, and
// takes positions of any integer type (PostgreSQL's wants int).
func substrCall(a []string) (string, error) {
	if strings.HasPrefix(a[1], "-") {
		a[1] = fmt.Sprintf("length(%s) + 1 %s", a[0], a[1])
	}
	for i := 1; i < len(a); i++ {
		if !isNumber(a[i]) {
			a[i] = "(" + a[i] + ")::int"
		}
	}
	return "substr(" + strings.Join(a, ", ") + ")", nil
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// printfCall carries the formats the store writes: texts (%s) and
// integers (%d, %0Nd) between literal text. As SQLite's printf, a NULL
// writes nothing as a text and 0 as an integer.
func printfCall(a []string) (string, error) {
	format := unquote(a[0])
	if !strings.HasPrefix(a[0], "'") {
		return "", fmt.Errorf("format %s is not a literal", a[0])
	}
	var parts []string
	lit := ""
	next := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			lit += format[i : i+1]
			continue
		}
		m := printfSpec.FindStringSubmatch(format[i:])
		if m == nil {
			return "", fmt.Errorf("format %s", a[0])
		}
		i += len(m[0]) - 1
		if m[0] == "%%" {
			lit += "%"
			continue
		}
		if next >= len(a) {
			return "", fmt.Errorf("format %s wants more arguments", a[0])
		}
		if lit != "" {
			parts = append(parts, "'"+strings.ReplaceAll(lit, "'", "''")+"'")
			lit = ""
		}
		arg := a[next]
		next++
		switch {
		case m[2] == "s":
			parts = append(parts, fmt.Sprintf("coalesce((%s)::text, '')", arg))
		case m[1] != "":
			width := strings.TrimLeft(m[1], "0")
			n := fmt.Sprintf("coalesce(((%s)::bigint)::text, '0')", arg)
			parts = append(parts, fmt.Sprintf("lpad(%s, greatest(%s, length(%[1]s)), '0')", n, width)) // a width is the least
		default:
			parts = append(parts, fmt.Sprintf("coalesce(((%s)::bigint)::text, '0')", arg))
		}
	}
	if lit != "" {
		parts = append(parts, "'"+strings.ReplaceAll(lit, "'", "''")+"'")
	}
	if next != len(a) {
		return "", fmt.Errorf("format %s takes %d arguments, given %d", a[0], next-1, len(a)-1)
	}
	if len(parts) == 0 {
		return "''", nil
	}
	return "(" + strings.Join(parts, " || ") + ")", nil
}

var printfSpec = regexp.MustCompile(`^%(?:%|(0[0-9]+)?([ds]))`)

// charCall is SQLite's char(code, …): the text of those characters.
func charCall(a []string) (string, error) {
	var parts []string
	for _, c := range a {
		parts = append(parts, "chr("+c+")")
	}
	return "(" + strings.Join(parts, " || ") + ")", nil
}

func unquote(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	return s
}

// globs rewrites SQLite's [NOT] GLOB 'pattern' as a regular expression
// match.
func globs(sql string) (string, error) {
	toks := lex(sql)
	var b strings.Builder
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tokWord || !(strings.EqualFold(t.text, "GLOB") || strings.EqualFold(t.text, "NOT") && isGlob(toks, i+1)) {
			b.WriteString(t.text)
			continue
		}
		op := "~"
		if strings.EqualFold(t.text, "NOT") {
			op = "!~"
			i = nextNonSpace(toks, i+1)
		}
		p := nextNonSpace(toks, i+1)
		if p < 0 || toks[p].kind != tokString {
			return "", fmt.Errorf("GLOB without a pattern")
		}
		fmt.Fprintf(&b, "%s '%s'", op, globRegexp(unquote(toks[p].text)))
		i = p
	}
	return b.String(), nil
}

func isGlob(toks []token, from int) bool {
	i := nextNonSpace(toks, from)
	return i >= 0 && strings.EqualFold(toks[i].text, "GLOB")
}

func globRegexp(g string) string {
	var b strings.Builder
	b.WriteString("^")
	inClass := false
	for _, r := range g {
		switch {
		case inClass:
			b.WriteRune(r)
			inClass = r != ']'
		case r == '[':
			b.WriteRune(r)
			inClass = true
		case r == '*':
			b.WriteString(".*")
		case r == '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString("$")
	return strings.ReplaceAll(b.String(), "'", "''")
}

// coalesceCall reads a text among the choices as SQLite does: the
// value as text (coalesce(price, '-')), where PostgreSQL would read the
// text as a number.
func coalesceCall(a []string) (string, error) {
	text := false
	for _, x := range a {
		text = text || strings.HasPrefix(x, "'")
	}
	if text {
		for i, x := range a {
			if !strings.HasPrefix(x, "'") {
				a[i] = "(" + x + ")::text"
			}
		}
	}
	return "coalesce(" + strings.Join(a, ", ") + ")", nil
}

// jsonKey is the one key a JSON path of SQLite's names ('$.key').
func jsonKey(path string) (string, error) {
	key, ok := strings.CutPrefix(unquote(path), "$.")
	if !ok || strings.ContainsAny(key, ".[") {
		return "", fmt.Errorf("the path %s reads more than one key", path)
	}
	return strings.ReplaceAll(key, "'", "''"), nil
}

// jsonSetCall is json_set(json, '$.key', value, …): the value as JSON of
// its type (a quoted literal as a string).
func jsonSetCall(a []string) (string, error) {
	if len(a) < 3 || len(a)%2 == 0 {
		return "", fmt.Errorf("json_set with %d arguments", len(a))
	}
	out := fmt.Sprintf("(%s)::jsonb", a[0])
	for i := 1; i < len(a); i += 2 {
		key, err := jsonKey(a[i])
		if err != nil {
			return "", err
		}
		v := a[i+1]
		if strings.HasPrefix(v, "'") {
			v += "::text"
		}
		out = fmt.Sprintf("jsonb_set(%s, '{%s}', to_jsonb(%s))", out, key, v)
	}
	return "(" + out + ")::text", nil
}

// jsonRemoveCall is json_remove(json, '$.key', …).
func jsonRemoveCall(a []string) (string, error) {
	out := fmt.Sprintf("(%s)::jsonb", a[0])
	for _, p := range a[1:] {
		key, err := jsonKey(p)
		if err != nil {
			return "", err
		}
		out += " - '" + key + "'"
	}
	return "(" + out + ")::text", nil
}

// jsonObjectCall writes SQLite's json_object text itself: its keys in
// the order given, no spaces (json_build_object spaces them, jsonb
// sorts them), each value through orderdesk_json (Functions).
func jsonObjectCall(a []string) (string, error) {
	if len(a)%2 != 0 {
		return "", fmt.Errorf("json_object with %d arguments", len(a))
	}
	parts := []string{"'{'"}
	for i := 0; i < len(a); i += 2 {
		if i > 0 {
			parts = append(parts, "','")
		}
		key := fmt.Sprintf("orderdesk_json(%s)", a[i])
		if k := unquote(a[i]); strings.HasPrefix(a[i], "'") && !strings.ContainsAny(k, `"\\`) {
			key = "'\"" + strings.ReplaceAll(k, "'", "''") + "\"'"
		}
		parts = append(parts, key, "':'", fmt.Sprintf("orderdesk_json(%s)", a[i+1]))
	}
	return "(" + strings.Join(append(parts, "'}'"), " || ") + ")", nil
}
