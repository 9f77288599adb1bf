package returns_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
)

// A return's life from the keyboard: r on the note that left opens the
// return's form there, typed in one burst (the reason, the quantity,
// ctrl+s); then the check by a second person, the warehouse's receipt,
// and the exchange's note drafted from it.
func TestReturnLifeFromTheKeyboard(t *testing.T) {
	d := newDesk(t)
	app := open(d.Fixture, d.Clerk, "zh", "screen.shipping", 120, 40)
	tuitest.Press(app, common.OpenMsg{Screen: "screen.shipping", DocID: d.note.DocID})
	mustShow(t, app, d.note.Ref, "退货")
	// r, the reason, enter past the complaint and the day, down to the
	// line's quantity: all at once, before any answer.
	keys := append(tuitest.Keys("r表面锈蚀\r\r\r"), tuitest.Keys("5")...)
	keys = append(keys, tuitest.Key("ctrl+s"))
	burst(app, keys...)
	mustShow(t, app, "退货单", "草稿", "表面锈蚀", d.note.Ref)
	r := onlyReturn(t, d)
	if r.Lines[0].Qty != store.Milli(5000) {
		t.Fatalf("returned %v", r.Lines[0].Qty)
	}
	burst(app, tuitest.Keys("s")...)
	mustShow(t, app, "待复核")
	// The maker is not offered the check and is refused it by the workflow.
	burst(app, tuitest.Keys("a")...)
	mustShow(t, app, "须由他人审核")

	boss := open(d.Fixture, d.Supervisor, "zh", "screen.returns", 120, 40)
	burst(boss, tuitest.Keys("\ra")...)
	mustShow(t, boss, "待入库")
	wh := open(d.Fixture, d.wh, "zh", "screen.returns", 120, 40)
	burst(wh, tuitest.Keys("\rw")...)
	mustShow(t, wh, "已入库", "吴仓管")
	if od, err := d.Engine.Desk(d.Supervisor).Order(d.Ctx, d.order); err != nil || od.Order.Status != "partly_shipped" {
		t.Fatalf("order after the return: %v %v", od.Order.Status, err)
	}
	// The exchange: e drafts the new note and opens it in Shipping.
	tuitest.Press(app, tuitest.Key("f5"))
	burst(app, tuitest.Keys("e")...)
	mustShow(t, app, "发货单", "草稿", "换货 "+r.Ref)
}

// A return of more than left, and one dated before the note left, are
// refused at their fields with what was typed kept.
func TestReturnRefusedAtItsFields(t *testing.T) {
	d := newDesk(t)
	app := open(d.Fixture, d.Clerk, "en", "screen.shipping", 120, 40)
	tuitest.Press(app, common.OpenMsg{Screen: "screen.shipping", DocID: d.note.DocID})
	keys := tuitest.Keys("rrust\r\r2001-01-01\r30")
	keys = append(keys, tuitest.Key("ctrl+s"))
	burst(app, keys...)
	mustShow(t, app, "more than can come back: at most 25.35", "before the delivery note left on", "rust", "2001-01-01", " 30 ")
	rs, err := d.Engine.Desk(d.Supervisor).Returns(d.Ctx, store.ReturnFilter{})
	if err != nil || len(rs) != 0 {
		t.Fatalf("a refused return was written: %v %v", rs, err)
	}
}

func onlyReturn(t *testing.T, d desk) store.GoodsReturn {
	t.Helper()
	rs, err := d.Engine.Desk(d.Supervisor).Returns(d.Ctx, store.ReturnFilter{})
	if err != nil || len(rs) != 1 {
		t.Fatalf("returns %v %v", rs, err)
	}
	rd, err := d.Engine.Desk(d.Supervisor).Return(d.Ctx, rs[0].DocID)
	if err != nil {
		t.Fatal(err)
	}
	return rd.Return
}

// A delivery note number there is none of is refused at the field in
// words that say so (nothing is offered to choose from: it is typed),
// the number kept; put right, the return's form opens and the refusal
// leaves the status line.
func TestReturnForANoteNumberThereIsNoneOf(t *testing.T) {
	d := newDesk(t)
	for _, c := range []struct{ lang, problem, fix, form string }{
		{"zh", "没有这个发货单号", "请先改正", "原因"},
		{"en", "no delivery note of that number", "fix the marked", "Reason"},
	} {
		app := open(d.Fixture, d.Clerk, c.lang, "screen.returns", 120, 40)
		burst(app, tuitest.Keys("nFH2026-999999\r")...)
		mustShow(t, app, c.problem, "FH2026-999999")
		keys := []tea.Msg{tuitest.Key("ctrl+u")}
		burst(app, append(append(keys, tuitest.Keys(d.note.Ref)...), tuitest.Key("enter"))...)
		mustShow(t, app, c.form, d.note.Ref)
		if got := text(app); strings.Contains(got, c.problem) || strings.Contains(got, c.fix) {
			t.Errorf("%s: the refusal stays once the note was found:\n%s", c.lang, got)
		}
	}
}

// While a filter is typed the footer offers what enter and esc do to it,
// not the list's keys (n there would be typed, not make a return).
func TestFilterTypedShowsItsOwnKeys(t *testing.T) {
	d := newDesk(t)
	app := open(d.Fixture, d.Clerk, "en", "screen.returns", 120, 40)
	mustShow(t, app, "n new return")
	burst(app, tuitest.Keys("/锦州")...)
	mustShow(t, app, "锦州", "enter confirm", "esc cancel")
	if got := text(app); strings.Contains(got, "n new return") {
		t.Errorf("the list's keys offered while the filter is typed:\n%s", got)
	}
}
