package pricing

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// fieldLines joins labelled fields four spaces apart, starting a new line
// where the next would run past width, so a field is never cut at the
// window's edge ("validity 7 days (until …").
func fieldLines(width int, fields ...string) string {
	var b strings.Builder
	used := 0
	for _, f := range fields {
		w := ansi.StringWidth(f)
		switch {
		case used == 0:
		case used+4+w > width:
			b.WriteString("\n")
			used = 0
		default:
			b.WriteString("    ")
			used += 4
		}
		b.WriteString(f)
		used += w
	}
	return b.String() + "\n"
}
