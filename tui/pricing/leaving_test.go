package pricing

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/tuitest/screenrig"
)

// asksBeforeDropping: open shows the screen with a form or a typed line
// open, typing types into it and shows shown. The first esc keeps shown
// and asks, as every form does; the second closes it. The same keys
// pressed at once, on the screen opened again, end on the same view.
func (r *rig) asksBeforeDropping(open func(), typing []tea.Msg, shown string) {
	r.t.Helper()
	open()
	for _, k := range typing {
		r.Send(k)
	}
	r.MustShow(shown)
	r.Status = nil
	r.Press("esc")
	r.MustShow(shown)
	r.MustStatus("discard what was typed?")
	r.Press("esc")
	r.MustHide(shown)
	want := r.View()
	open()
	r.Burst(append(append([]tea.Msg{}, typing...), screenrig.Key("esc"), screenrig.Key("esc"))...)
	r.Settle(r.SendWait)
	if got := r.View(); got != want {
		r.t.Fatalf("typed at once:\n%s\n\ntyped slowly:\n%s", got, want)
	}
}

// The quote's edit form asks before esc drops what was typed.
func TestEditFormAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	open := func() {
		r.showAs(r.clerk, "en", q)
		r.Press("e")
		r.MustShow("Edit quote")
	}
	r.asksBeforeDropping(open, append(keysTo(3), screenrig.Keys("含运费")...), "含运费")
}

// The reason a quote was lost asks before esc drops it.
func TestLostReasonAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	r := newRig(t)
	q := r.sentQuote()
	open := func() {
		r.showAs(r.clerk, "en", q)
		r.Press("l")
		r.MustShow("why it was lost:")
	}
	r.asksBeforeDropping(open, screenrig.Keys("对方选了鞍钢直供"), "对方选了鞍钢直供")
}

// A price being typed on a line asks before esc drops it; the price the
// line held as the input opened is not typed.
func TestLinePriceAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	open := func() {
		r.showAs(r.clerk, "en", q)
		r.Press("enter")
	}
	r.asksBeforeDropping(open, screenrig.Keys("3851"), "3851")
}

// keysTo is n tabs: the focus n fields on.
func keysTo(n int) []tea.Msg {
	return screenrig.Keys(strings.Repeat("\t", n))
}
