package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// hintSep parts the keys of a hint line ("enter history · n new").
const hintSep = " · "

// Hints is as many whole keys of hint as fit width cells, in order: a
// hint is never cut in the middle of a key ("c 待审变…"), and the
// footer's ? help lists every key anyway. A width not yet known (0)
// keeps the whole hint.
func Hints(hint string, width int) string {
	if width <= 0 {
		return hint
	}
	var kept []string
	used := 0
	for _, part := range strings.Split(hint, hintSep) {
		w := ansi.StringWidth(part)
		if len(kept) > 0 {
			w += ansi.StringWidth(hintSep)
		}
		if used+w > width {
			break
		}
		kept, used = append(kept, part), used+w
	}
	return strings.Join(kept, hintSep)
}
