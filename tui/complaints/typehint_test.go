package complaints

import (
	"context"
	"testing"
	"time"

	"orderdesk/tui/tuitest/screenrig"
)

// The types' hint sets each digit off from its word and the items from
// each other in English ("1quality 2short delivery" ran together);
// Chinese keeps its compact form.
func TestTypeHintSeparatesTheTypes(t *testing.T) {
	now := func() time.Time { return screenrig.At }
	tests := []struct{ lang, prefix string }{
		{"en", "1 quality · 2 short delivery · 3 over delivery"},
		{"zh", "1质量问题 2少发 3多发"},
	}
	for _, tc := range tests {
		s := &Screen{c: screenrig.Session(context.Background(), nil, tc.lang, now)}
		if got := s.typeHint(); len(got) < len(tc.prefix) || got[:len(tc.prefix)] != tc.prefix {
			t.Errorf("%s: hint %q, want it to start %q", tc.lang, got, tc.prefix)
		}
	}
}
