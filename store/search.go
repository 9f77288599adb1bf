package store

import (
	"strings"
	"unicode"
)

// Customer filtering goes through customer_fts, an FTS5 index of each
// customer's search text cut into single characters and pairs of
// neighbouring characters. A query word is looked up by its pairs (or
// its one character), which finds every row holding the word and few
// others; instr() on the search column then keeps the exact matches. The
// index turns a filter that matches nothing, or rare rows, from a scan of
// every customer into a few index lookups, and works for one- and
// two-character Chinese words, which a trigram index cannot serve.

// textRuns cuts text into runs of letters and digits, the characters the
// unicode61 tokenizer keeps; the rest separate tokens.
func textRuns(s string) [][]rune {
	var out [][]rune
	var cur []rune
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) {
			cur = append(cur, r)
			continue
		}
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

type tokenSet struct {
	seen map[string]bool
	list []string
}

func (s *tokenSet) add(tok string) {
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if !s.seen[tok] {
		s.seen[tok] = true
		s.list = append(s.list, tok)
	}
}

// searchGrams is what the index holds for a search text: every character
// and every pair of neighbouring characters of each run.
func searchGrams(search string) string {
	var set tokenSet
	for _, run := range textRuns(strings.ToLower(search)) {
		for i := range run {
			set.add(string(run[i]))
			if i+1 < len(run) {
				set.add(string(run[i : i+2]))
			}
		}
	}
	return strings.Join(set.list, " ")
}

// gramQuery turns a filter into an FTS5 query that every row containing
// all its words matches: the pairs of each run, or the character of a
// one-character run. "" when the filter has no letters or digits.
func gramQuery(query string) string {
	var set tokenSet
	for _, word := range strings.Fields(strings.ToLower(query)) {
		for _, run := range textRuns(word) {
			if len(run) == 1 {
				set.add(string(run))
				continue
			}
			for i := 0; i+1 < len(run); i++ {
				set.add(string(run[i : i+2]))
			}
		}
	}
	for i, tok := range set.list {
		set.list[i] = `"` + tok + `"` // runs hold no quotes or operators
	}
	return strings.Join(set.list, " ")
}
