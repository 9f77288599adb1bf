package pgschema

import (
	"fmt"
	"regexp"
	"strings"
)

// A hand-written SQLite trigger becomes a PL/pgSQL function and a
// trigger calling it. SQLite's trigger bodies are few in form: a
// RAISE(ABORT, …) under a WHERE, and INSERT/UPDATE/DELETE statements;
// the trigger's WHEN becomes the function's first test (PostgreSQL's
// WHEN takes no sub-queries). What the translation cannot carry it
// refuses by name, and a hand-written override stands in for it.

var triggerHead = regexp.MustCompile(`(?is)^CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s+(BEFORE|AFTER)\s+(INSERT|DELETE|UPDATE(?:\s+OF\s+[\w\s,]+?)?)\s+ON\s+(\w+)\s*(?:FOR\s+EACH\s+ROW\s*)?(?:WHEN\s+(.*?))?\s*BEGIN\b(.*)\bEND\s*;?\s*$`)

// raiseStmt is SELECT RAISE(ABORT, 'code') with its optional FROM/WHERE.
var raiseStmt = regexp.MustCompile(`(?is)^SELECT\s+RAISE\s*\(\s*ABORT\s*,\s*'([^']*)'\s*\)\s*(.*)$`)

// untranslatable are SQLite's words with no PostgreSQL twin of the same
// meaning here: a trigger using one needs an override.
var untranslatable = regexp.MustCompile(`(?i)\b(?:(?:json_(?:array|insert|replace|type|valid|group_array|group_object|patch|tree|quote)|datetime|julianday|last_insert_rowid|changes|iif)\s*\(|RAISE\s*\(\s*IGNORE|INSERT\s+OR\s+REPLACE\b|INSTEAD\s+OF\b)`)

// carryCalls is the first step of every translation: comments out, what
// cannot be carried refused by name, SQLite's functions, GLOB and bare
// columns in PostgreSQL's forms.
func carryCalls(sql string) (string, error) {
	sql = withoutComments(sql)
	if w := untranslatable.FindString(sql); w != "" {
		return "", fmt.Errorf("%.60s… uses %s, which PostgreSQL does not have: it needs a translation by hand", sql, strings.TrimSpace(w))
	}
	sql, err := rewriteCalls(sql)
	if err == nil {
		sql, err = globs(sql)
	}
	if err != nil {
		return "", fmt.Errorf("%.60s…: %w", sql, err)
	}
	return bareColumns(sql), nil
}

// Rule translates one SQLite trigger. ownRowid names the tables that
// keep a rowid column here; elsewhere rowid is the id.
func Rule(sql string, ownRowid map[string]bool) (string, error) {
	sql, err := carryCalls(sql)
	if err != nil {
		return "", err
	}
	sql = aliasSubqueries(sql)
	m := triggerHead.FindStringSubmatch(strings.TrimSpace(sql))
	if m == nil {
		return "", fmt.Errorf("not a trigger this translation reads: %.80s", sql)
	}
	name, timing, event, table, when, body := m[1], strings.ToUpper(m[2]), m[3], m[4], m[5], m[6]
	ret := "NULL"
	if timing == "BEFORE" {
		ret = "NEW"
		if strings.EqualFold(event, "DELETE") {
			ret = "OLD"
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE OR REPLACE FUNCTION trg_%s() RETURNS trigger LANGUAGE plpgsql AS $f$\nBEGIN\n", name)
	if strings.TrimSpace(when) != "" {
		fmt.Fprintf(&b, "  IF NOT coalesce((%s), false) THEN\n    RETURN %s;\n  END IF;\n", expr(when, table, ownRowid), ret)
	}
	for _, st := range statements(body) {
		pg, err := statement(st, table, ownRowid)
		if err != nil {
			return "", fmt.Errorf("trigger %s: %w", name, err)
		}
		b.WriteString(pg)
	}
	fmt.Fprintf(&b, "  RETURN %s;\nEND $f$;\n", ret)
	fmt.Fprintf(&b, "CREATE TRIGGER %s %s %s ON %s FOR EACH ROW EXECUTE FUNCTION trg_%s();\n",
		name, timing, strings.Join(strings.Fields(event), " "), table, name)
	return b.String(), nil
}

// statements splits a trigger body at its top-level semicolons, leaving
// comments out.
func statements(body string) []string {
	var out []string
	var cur strings.Builder
	depth := 0
	for _, t := range lex(body) {
		switch {
		case t.kind == tokComment:
			continue
		case t.text == "(":
			depth++
		case t.text == ")":
			depth--
		case t.text == ";" && depth == 0:
			if s := strings.TrimSpace(cur.String()); s != "" {
				out = append(out, s)
			}
			cur.Reset()
			continue
		}
		cur.WriteString(t.text)
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

func statement(st, table string, ownRowid map[string]bool) (string, error) {
	if m := raiseStmt.FindStringSubmatch(st); m != nil {
		code, rest := m[1], strings.TrimSpace(m[2])
		raise := fmt.Sprintf("RAISE EXCEPTION '%s';", code)
		switch {
		case rest == "":
			return "  " + raise + "\n", nil
		case hasPrefixFold(rest, "WHERE"):
			return fmt.Sprintf("  IF %s THEN\n    %s\n  END IF;\n", expr(strings.TrimSpace(rest[5:]), table, ownRowid), raise), nil
		case hasPrefixFold(rest, "FROM"):
			return fmt.Sprintf("  IF EXISTS (SELECT 1 %s) THEN\n    %s\n  END IF;\n", expr(rest, table, ownRowid), raise), nil
		}
		return "", fmt.Errorf("a RAISE this translation does not read: %.80s", st)
	}
	upper := strings.ToUpper(firstWords(st, 3))
	switch {
	case strings.HasPrefix(upper, "INSERT OR IGNORE"):
		i := strings.Index(strings.ToUpper(st), "OR IGNORE")
		return "  " + expr(st[:i]+st[i+len("OR IGNORE "):], table, ownRowid) + "\n  ON CONFLICT DO NOTHING;\n", nil
	case strings.HasPrefix(upper, "INSERT"):
		return "  " + qualifyUpsert(expr(st, table, ownRowid)) + ";\n", nil
	case strings.HasPrefix(upper, "UPDATE"), strings.HasPrefix(upper, "DELETE"):
		return "  " + expr(st, table, ownRowid) + ";\n", nil
	}
	return "", fmt.Errorf("a statement this translation does not read: %.80s", st)
}

// expr carries an expression or statement over: SQLite's IS and IS NOT
// between values, instr, its type names and rowid.
func expr(s, table string, ownRowid map[string]bool) string {
	toks := lex(s)
	var b strings.Builder
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.text == "|" && i+1 < len(toks) && toks[i+1].text == "|" {
			// SQLite joins numbers as text; PostgreSQL joins text with
			// anything once the left side is text.
			if prev := nextNonSpaceBack(toks, i-1); prev >= 0 && (toks[prev].kind != tokOther || toks[prev].text == ")") {
				trimmed := strings.TrimRight(b.String(), " \t\n")
				rest := b.String()[len(trimmed):]
				b.Reset()
				b.WriteString(trimmed + "::text" + rest)
			}
			b.WriteString("||")
			i++
			continue
		}
		if t.kind != tokWord {
			b.WriteString(t.text)
			continue
		}
		switch strings.ToUpper(t.text) {
		case "IS":
			next, j := words(toks, i+1, 1)
			switch strings.ToUpper(next) {
			case "NULL", "TRUE", "FALSE":
				b.WriteString(t.text)
			case "NOT":
				if after, k := words(toks, j+1, 1); strings.EqualFold(after, "NULL") {
					b.WriteString("IS NOT NULL")
					i = k
				} else {
					b.WriteString("IS DISTINCT FROM")
					i = j
				}
			default:
				b.WriteString("IS NOT DISTINCT FROM")
			}
		case "INSTR":
			b.WriteString("strpos")
		case "INTEGER":
			b.WriteString("bigint")
		case "INDEXED":
			// SQLite's index hint: PostgreSQL's planner picks for itself.
			if next, j := words(toks, i+1, 2); strings.HasPrefix(strings.ToUpper(next), "BY ") {
				i = j
				continue
			}
			b.WriteString(t.text)
		case "ROWID":
			if table == "" || ownRowid[table] { // a statement's rowid is a search table's column
				b.WriteString(t.text)
			} else {
				b.WriteString("id")
			}
		default:
			b.WriteString(t.text)
		}
	}
	return b.String()
}

func firstWords(s string, n int) string {
	return strings.Join(strings.Fields(s)[:min(n, len(strings.Fields(s)))], " ")
}

func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }

func withoutComments(sql string) string {
	var b strings.Builder
	for _, t := range lex(sql) {
		if t.kind != tokComment {
			b.WriteString(t.text)
		}
	}
	return b.String()
}

var upsertTarget = regexp.MustCompile(`(?is)^INSERT\s+INTO\s+(\w+).*?\bDO\s+UPDATE\s+SET\b`)

// qualifyUpsert names the target table before the columns an upsert's
// SET reads: SQLite takes a bare name for the row in the table, where
// PostgreSQL finds it ambiguous beside the row proposed (excluded).
func qualifyUpsert(st string) string {
	m := upsertTarget.FindStringSubmatchIndex(st)
	if m == nil {
		return st
	}
	target := st[m[2]:m[3]]
	head, set := st[:m[1]], lex(st[m[1]:])
	assigned := map[string]bool{}
	depth := 0
	for i, t := range set {
		switch {
		case t.text == "(":
			depth++
		case t.text == ")":
			depth--
		case t.kind == tokWord && depth == 0:
			if j := nextNonSpace(set, i+1); j >= 0 && set[j].text == "=" && (i == 0 || nextNonSpaceBack(set, i-1) < 0 || set[nextNonSpaceBack(set, i-1)].text == ",") {
				assigned[t.text] = true
			}
		}
	}
	var b strings.Builder
	b.WriteString(head)
	for i, t := range set {
		prev := nextNonSpaceBack(set, i-1)
		next := nextNonSpace(set, i+1)
		isTarget := t.kind == tokWord && assigned[t.text] && (prev < 0 || set[prev].text != ".") && (next < 0 || set[next].text != "=")
		if isTarget {
			b.WriteString(target + ".")
		}
		b.WriteString(t.text)
	}
	return b.String()
}

func nextNonSpaceBack(toks []token, from int) int {
	for i := from; i >= 0; i-- {
		if toks[i].kind != tokSpace {
			return i
		}
	}
	return -1
}

var viewHead = regexp.MustCompile(`(?is)^CREATE\s+VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s*(?:\([^)]*\))?\s+AS\b`)

// View translates one SQLite view.
func View(sql string) (string, error) {
	if !viewHead.MatchString(strings.TrimSpace(withoutComments(sql))) {
		return "", fmt.Errorf("not a view this translation reads: %.80s", sql)
	}
	sql, err := carryCalls(sql)
	if err != nil {
		return "", err
	}
	return strings.TrimRight(aliasSubqueries(expr(sql, "", nil)), " \n;") + ";\n", nil
}
