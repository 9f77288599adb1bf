package draft_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/draft"
	"orderdesk/tui/common/form"
	"orderdesk/tui/i18n"
	"orderdesk/tui/tuitest"
)

type typed struct {
	Name    string
	Version int64
}

func loaded[T any](t *testing.T, load tea.Cmd) draft.LoadedMsg[T] {
	t.Helper()
	msg, ok := load().(draft.LoadedMsg[T])
	if !ok {
		t.Fatalf("the load answered %T", msg)
	}
	return msg
}

// A draft saved by one form comes back to the next form opened under the
// same key, and only to it; a discard in this session keeps it from
// coming back even while the discard is still on its way.
func TestDraftComesBackOnceAndNotAfterADiscard(t *testing.T) {
	f := tuitest.New(t)
	sh := draft.NewShelf(f.Common(f.Clerk, "zh"))

	first, load := draft.Open[typed](sh, "thing:new")
	if _, ok := first.Restore(loaded[typed](t, load)); ok {
		t.Fatal("a draft came back before any was kept")
	}
	if first.Touched(false) != nil {
		t.Fatal("a clean form scheduled a draft")
	}
	tick := first.Touched(true)
	if tick == nil || first.Touched(true) != nil {
		t.Fatal("want one tick scheduled while one is due")
	}
	other, _ := draft.Open[typed](sh, "other:new")
	msg, ok := tick().(draft.TickMsg)
	if !ok || other.Due(msg) {
		t.Fatal("another keeper's tick was taken")
	}
	if !first.Due(msg) {
		t.Fatal("the keeper's own tick was not taken")
	}
	first.Save(typed{Name: "沈阳钢铁", Version: 3})()

	second, load := draft.Open[typed](sh, "thing:new")
	answer := loaded[typed](t, load)
	if _, ok := first.Restore(answer); ok {
		t.Fatal("a closed form took the answer meant for the one opened after it")
	}
	got, ok := second.Restore(answer)
	if !ok || got != (typed{Name: "沈阳钢铁", Version: 3}) || second.Restored().IsZero() {
		t.Fatalf("restored %+v %v at %v", got, ok, second.Restored())
	}

	discard := second.Discard() // not run yet: the draft is still stored
	third, load := draft.Open[typed](sh, "thing:new")
	if _, ok := third.Restore(loaded[typed](t, load)); ok {
		t.Fatal("a draft this session discarded came back")
	}
	discard()
	third.Save(typed{Name: "again"})() // typing again keeps drafts again
	fourth, load := draft.Open[typed](sh, "thing:new")
	if got, ok := fourth.Restore(loaded[typed](t, load)); !ok || got.Name != "again" {
		t.Fatalf("restored %+v %v", got, ok)
	}
}

// Cells keep a form's header and lines as typed, with the stored lines.
func TestCellsRoundTrip(t *testing.T) {
	c := &common.Common{Cat: i18n.Catalog{Lang: "zh"}, Styles: common.NewStyles(true)}
	newForm := func() *form.Form {
		return form.New(c, form.Field{Key: "reason", Label: "原因", Width: 20}).
			WithLines(form.Field{Key: "grade", Label: "牌号", Width: 8}, form.Field{Key: "price", Label: "单价", Width: 8})
	}
	f := newForm()
	f.SetValue("reason", "月底调价")
	f.SetCell(0, "grade", "Q235B")
	f.SetLineID(0, 7)
	f.AddLine(map[string]string{"grade": "45#", "price": "4090"})
	kept := draft.Snapshot(f)

	g := newForm()
	kept.Restore(g)
	if g.Value("reason") != "月底调价" || g.Lines() != 2 || g.Cell(0, "grade") != "Q235B" || g.LineID(0) != 7 ||
		g.Cell(1, "grade") != "45#" || g.Cell(1, "price") != "4090" || g.LineID(1) != 0 {
		t.Fatalf("restored %+v into %d lines", kept, g.Lines())
	}
}
