package screenrig

import "strings"

// LineWith is the first line of a screen's text that holds text ("" when
// none does): a test's way to read one row.
func LineWith(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}
