package tui_test

import (
	"regexp"
	"strings"
	"testing"

	"orderdesk/tui/tuitest"
)

// The ? help offers a key only where it does something, and each key
// once, with the screen's own word for it: Reconciliation neither
// filters nor opens, Orders calls / "search" and enter "open order",
// Statistics keeps the digits for its measures (they switch no screen
// there).
func TestHelpOffersEachKeyOnceAndOnlyWhereItWorks(t *testing.T) {
	f := tuitest.New(t)
	tests := []struct {
		screen string
		once   []string // help keys listed exactly once
		absent []string
	}{
		{"screen.reconciliation", nil, []string{"/", "enter"}},
		{"screen.orders", []string{"/", "enter"}, nil},
		{"screen.customers", []string{"/", "enter"}, nil},
		{"screen.products", []string{"/", "enter", "1-9,0"}, nil},
		{"screen.statistics", []string{"/", "enter"}, []string{"1-9,0"}},
	}
	for _, tc := range tests {
		t.Run(tc.screen, func(t *testing.T) {
			app := f.OpenOn(f.Supervisor, "en", tc.screen, 120, 60)
			tuitest.Press(app, tuitest.Char('?'))
			got := tuitest.Text(app)
			count := func(k string) int {
				return len(regexp.MustCompile(`(?m)^│   `+regexp.QuoteMeta(k)+` `).FindAllString(got, -1))
			}
			for _, k := range tc.once {
				if n := count(k); n != 1 {
					t.Errorf("help lists %q %d times, want once:\n%s", k, n, got)
				}
			}
			for _, k := range tc.absent {
				if n := count(k); n != 0 {
					t.Errorf("help offers %q, which does nothing here:\n%s", k, got)
				}
			}
			if blank := regexp.MustCompile(`(?m)^│ +│\n│ +│\n`); blank.MatchString(got) {
				t.Errorf("help has two blank lines in a row:\n%s", got)
			}
			if !strings.Contains(got, "quit") {
				t.Errorf("help lost the shared keys:\n%s", got)
			}
		})
	}
}
