package common

import (
	"unicode"
	"unicode/utf8"
)

// DocTitle is a document's heading, its kind and ref: "Quote BJ2026-000005"
// on every screen, as the kind's word starts a title (kind.* words are
// lower case, for the middle of a sentence or a table cell).
func DocTitle(c *Common, kind, ref string) string {
	return Capital(c.T("kind."+kind)) + " " + ref
}

// Capital is s with its first letter upper case; Chinese is unchanged.
func Capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
