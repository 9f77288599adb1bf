package pgschema

import (
	"strconv"
	"strings"
)

// aggregates are the calls that make a select item one value per group.
var aggregates = map[string]bool{"sum": true, "count": true, "min": true, "max": true, "avg": true,
	"total": true, "string_agg": true, "group_concat": true, "json_group_array": true, "array_agg": true}

// groupEnd are the words that end a GROUP BY list (ON: an upsert's
// ON CONFLICT), selectEnd those that end a SELECT before any GROUP BY.
var (
	groupEnd = map[string]bool{"HAVING": true, "ORDER": true, "LIMIT": true, "WINDOW": true, "ON": true,
		"UNION": true, "EXCEPT": true, "INTERSECT": true}
	selectEnd = map[string]bool{"ORDER": true, "LIMIT": true, "WINDOW": true, "UNION": true, "EXCEPT": true,
		"INTERSECT": true, "SELECT": true}
)

// bareColumns carries SQLite's bare columns in a grouped SELECT (a
// column neither grouped by nor under an aggregate): SQLite takes its
// value from one row of the group, PostgreSQL refuses it. min() takes
// one too, and keeps the rows and their number as SQLite's; where the
// column is one value per group, as the schema's are (the customer of
// the one return read), it is that value.
func bareColumns(sql string) string {
	toks := lex(sql)
	wrap := map[int]int{} // first token of an item → its last
	for i, t := range toks {
		if t.kind == tokWord && strings.EqualFold(t.text, "SELECT") {
			for first, last := range grouped(toks, i) {
				wrap[first] = last
			}
		}
	}
	if len(wrap) == 0 {
		return sql
	}
	var b strings.Builder
	closeAt := map[int]bool{}
	for i, t := range toks {
		if last, ok := wrap[i]; ok {
			b.WriteString("min(")
			closeAt[last] = true
		}
		b.WriteString(t.text)
		if closeAt[i] {
			b.WriteString(")")
		}
	}
	return b.String()
}

// grouped finds, for the SELECT at toks[sel], the items to wrap: first
// token → last token of each bare item's expression (its alias left out).
func grouped(toks []token, sel int) map[int]int {
	// The select list runs to FROM at the same depth.
	from := atDepth(toks, sel+1, func(w string, _ int) bool { return strings.EqualFold(w, "FROM") }, nil)
	if from < 0 {
		return nil
	}
	// GROUP BY at the same depth, before the SELECT ends.
	group := atDepth(toks, from+1, func(w string, i int) bool {
		next, _ := words(toks, i+1, 1)
		return strings.EqualFold(w, "GROUP") && strings.EqualFold(next, "BY")
	}, selectEnd)
	if group < 0 {
		return nil
	}
	_, by := words(toks, group+1, 1)
	groups := map[string]bool{}
	for _, g := range items(toks, by+1, len(toks), true) {
		groups[normalized(toks[g[0]:g[1]+1])] = true
	}
	start := sel + 1
	if next, j := words(toks, start, 1); strings.EqualFold(next, "DISTINCT") || strings.EqualFold(next, "ALL") {
		start = j + 1
	}
	out := map[int]int{}
	for n, it := range items(toks, start, from, false) {
		first, last := it[0], withoutAlias(toks, it[0], it[1])
		expr := toks[first : last+1]
		alias := it[1] != last && groups[strings.ToLower(toks[it[1]].text)] // GROUP BY root, of … AS root
		if groups[normalized(expr)] || groups[strconv.Itoa(n+1)] || alias {
			continue
		}
		if bare(expr) {
			out[first] = last
			continue
		}
		for from, to := range besideAggregates(toks, first, last) {
			out[from] = to
		}
	}
	return out
}

// besideAggregates finds, in an item that aggregates, the columns read
// outside any aggregate or sub-query (r.sign in r.sign * sum(kg)): each
// table.column, as first token → last.
func besideAggregates(toks []token, first, last int) map[int]int {
	out := map[int]int{}
	for i := first; i <= last; i++ {
		t := toks[i]
		next := nextNonSpace(toks[:last+1], i+1)
		switch {
		case next < 0:
		case toks[next].text == "(" && (t.kind == tokWord && aggregates[strings.ToLower(t.text)] ||
			nextWordIs(toks[:last+1], next+1, "SELECT")):
			i = closing(toks, next)
		case t.kind == tokWord && toks[next].text == "." && (i == first || toks[i-1].text != "."):
			col := nextNonSpace(toks[:last+1], next+1)
			switch strings.ToUpper(t.text) {
			case "NEW", "OLD", "EXCLUDED":
			default:
				if col >= 0 && toks[col].kind == tokWord {
					out[i] = col
				}
			}
			i = max(i, col)
		}
	}
	return out
}

// nextWordIs says the first token from toks[from] on that is not a
// space is the word w.
func nextWordIs(toks []token, from int, w string) bool {
	i := nextNonSpace(toks, from)
	return i >= 0 && strings.EqualFold(toks[i].text, w)
}

// closing is the index of the ")" that closes the "(" at toks[open].
func closing(toks []token, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		switch toks[i].text {
		case "(":
			depth++
		case ")":
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return len(toks) - 1
}

// atDepth is the index of the first word from toks[from] on, outside
// parentheses opened after it, that is says it is; -1 when a parenthesis
// closes, a statement ends or one of the words in end comes first.
func atDepth(toks []token, from int, is func(word string, i int) bool, end map[string]bool) int {
	depth := 0
	for i := from; i < len(toks); i++ {
		switch t := toks[i]; {
		case t.text == "(":
			depth++
		case t.text == ")":
			if depth--; depth < 0 {
				return -1
			}
		case t.text == ";":
			return -1
		case depth == 0 && t.kind == tokWord && is(t.text, i):
			return i
		case depth == 0 && t.kind == tokWord && end[strings.ToUpper(t.text)]:
			return -1
		}
	}
	return -1
}

// items splits toks[from:to] at top-level commas into [first, last]
// token pairs, spaces left out; when open it stops at a word ending a
// GROUP BY list, a closing parenthesis or a semicolon.
func items(toks []token, from, to int, open bool) [][2]int {
	var out [][2]int
	depth, first, last := 0, -1, -1
	flush := func() {
		if first >= 0 {
			out = append(out, [2]int{first, last})
		}
		first, last = -1, -1
	}
	for i := from; i < to; i++ {
		t := toks[i]
		if depth == 0 && open && (t.text == ")" || t.text == ";" || t.kind == tokWord && groupEnd[strings.ToUpper(t.text)]) {
			break
		}
		switch {
		case t.text == "(":
			depth++
		case t.text == ")":
			depth--
		case t.text == "," && depth == 0:
			flush()
			continue
		}
		if t.kind == tokSpace || t.kind == tokComment {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	flush()
	return out
}

// withoutAlias is the last token of an item's expression: before
// "AS name", or before a name that follows a column.
func withoutAlias(toks []token, first, last int) int {
	if last <= first || toks[last].kind != tokWord {
		return last
	}
	prev := nextNonSpaceBack(toks, last-1)
	if prev < first {
		return last
	}
	if strings.EqualFold(toks[prev].text, "AS") {
		return nextNonSpaceBack(toks, prev-1)
	}
	if prev < last-1 && toks[prev].kind == tokWord && !keyword(toks[prev].text) { // "l.item_id item"
		return prev
	}
	return last
}

// bare says an item's expression reads a column outside any aggregate.
func bare(expr []token) bool {
	column := false
	for i, t := range expr {
		if t.kind != tokWord {
			continue
		}
		next := nextNonSpace(expr, i+1)
		switch {
		case next >= 0 && expr[next].text == "(":
			if aggregates[strings.ToLower(t.text)] || strings.EqualFold(t.text, "SELECT") {
				return false
			}
		case strings.EqualFold(t.text, "SELECT"):
			return false
		case next >= 0 && expr[next].text == ".":
			switch strings.ToUpper(t.text) {
			case "NEW", "OLD", "EXCLUDED":
			default:
				column = true
			}
		case i > 0 && (expr[i-1].text == "." || expr[i-1].text == ":"):
		case len(expr) == 1 && !keyword(t.text) && !(t.text[0] >= '0' && t.text[0] <= '9'):
			column = true
		}
	}
	return column
}

func keyword(w string) bool {
	switch strings.ToUpper(w) {
	case "NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "AND", "OR", "NOT", "IS", "IN", "AS", "DISTINCT":
		return true
	}
	return false
}

func normalized(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		if t.kind != tokSpace && t.kind != tokComment {
			b.WriteString(strings.ToLower(t.text))
		}
	}
	return b.String()
}
