package pgschema

import "strings"

// token is one piece of SQL text: a quoted string or name, a comment,
// a word, a run of spaces, or one other character.
type token struct {
	kind tokenKind
	text string
}

type tokenKind int

const (
	tokWord tokenKind = iota
	tokString
	tokQuoted // "name" or 'name' in a name's place
	tokComment
	tokSpace
	tokOther
)

// lex splits SQL text into tokens; joining their texts gives it back.
func lex(sql string) []token {
	var out []token
	for i := 0; i < len(sql); {
		c := sql[i]
		j := i + 1
		kind := tokOther
		switch {
		case c == '\'' || c == '"':
			for j < len(sql) {
				if sql[j] == c {
					if j+1 < len(sql) && sql[j+1] == c { // a doubled quote stands for itself
						j += 2
						continue
					}
					j++
					break
				}
				j++
			}
			kind = tokString
			if c == '"' {
				kind = tokQuoted
			}
		case c == '-' && strings.HasPrefix(sql[i:], "--"):
			for j < len(sql) && sql[j] != '\n' {
				j++
			}
			kind = tokComment
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			for j < len(sql) && strings.IndexByte(" \t\n\r", sql[j]) >= 0 {
				j++
			}
			kind = tokSpace
		case isWordByte(c):
			for j < len(sql) && isWordByte(sql[j]) {
				j++
			}
			kind = tokWord
		}
		out = append(out, token{kind, sql[i:j]})
		i = j
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
