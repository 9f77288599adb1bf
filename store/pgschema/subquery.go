package pgschema

import (
	"fmt"
	"strings"
)

// clauseWords follow a FROM item that has no alias.
var clauseWords = map[string]bool{"WHERE": true, "GROUP": true, "ORDER": true, "JOIN": true, "LEFT": true,
	"INNER": true, "CROSS": true, "ON": true, "UNION": true, "LIMIT": true, "HAVING": true, "EXCEPT": true,
	"INTERSECT": true, "WINDOW": true, "USING": true}

// aliasSubqueries names each sub-query in a FROM or JOIN that SQLite
// left unnamed: PostgreSQL (before 16) requires a name.
func aliasSubqueries(sql string) string {
	toks := lex(sql)
	var b strings.Builder
	var stack []bool // for each open parenthesis: a FROM item's sub-query
	n := 0
	for i, t := range toks {
		b.WriteString(t.text)
		switch t.text {
		case "(":
			prev := nextNonSpaceBack(toks, i-1)
			next := nextNonSpace(toks, i+1)
			stack = append(stack, prev >= 0 && next >= 0 && (strings.EqualFold(toks[prev].text, "FROM") || strings.EqualFold(toks[prev].text, "JOIN")) &&
				strings.EqualFold(toks[next].text, "SELECT"))
		case ")":
			if len(stack) == 0 {
				continue
			}
			from := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			next := nextNonSpace(toks, i+1)
			if from && (next < 0 || toks[next].kind != tokWord || clauseWords[strings.ToUpper(toks[next].text)]) {
				n++
				fmt.Fprintf(&b, " AS sub%d", n)
			}
		}
	}
	return b.String()
}
