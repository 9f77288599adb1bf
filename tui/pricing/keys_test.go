package pricing

import (
	"slices"
	"testing"
)

func helpKeys(s *Screen) []string {
	var out []string
	for _, b := range s.ShortHelp() {
		out = append(out, b.Help().Key)
	}
	return out
}

// The keys offered (footer and ? help) are what the workflow allows
// this user on this version, and nothing else.
func TestKeysFollowTheWorkflow(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	for _, tc := range []struct {
		name       string
		setup      func()
		as         func() // opens the screen as someone
		want, none []string
	}{
		{"clerk on a draft", func() {}, func() { r.open(r.clerk, "en") },
			[]string{"enter/p", "r", "e", "t", "esc"}, []string{"a", "b", "m", "w", "l", "x", "v", "c"}},
		{"buyer on a draft", func() {}, func() { r.open(r.buyer, "en") },
			[]string{"esc"}, []string{"enter/p", "r", "e", "t", "a"}},
		{"supervisor on a submitted quote", func() {
			r.priceAll(q, "3850", "4100", "30")
			r.Must(r.Engine.Desk(r.clerk).SubmitQuote(r.Ctx, q, 0))
		}, func() { r.open(r.boss, "en") },
			[]string{"a", "b"}, []string{"enter/p", "r", "e", "t", "m"}},
		{"clerk on a submitted quote", func() {}, func() { r.open(r.clerk, "en") },
			nil, []string{"a", "b", "enter/p", "r", "e", "t", "m"}},
		{"clerk on an approved quote", func() {
			r.Must(r.Engine.Desk(r.boss).Act(r.Ctx, q, "approve", ""))
		}, func() { r.open(r.clerk, "en") },
			[]string{"m", "x", "v"}, []string{"w", "l", "t", "enter/p"}},
	} {
		tc.setup()
		tc.as()
		r.show(q)
		r.MustShow("Quote BJ2026-000001")
		got := helpKeys(r.s)
		for _, k := range tc.want {
			if !slices.Contains(got, k) {
				t.Errorf("%s: %q not offered in %v", tc.name, k, got)
			}
		}
		for _, k := range tc.none {
			if slices.Contains(got, k) {
				t.Errorf("%s: %q offered in %v", tc.name, k, got)
			}
		}
	}
}
