package docscreen

import (
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"
)

type row struct {
	id   int64
	text string
}

// A held document takes only the answer to its last read, keeps its
// place in the same document read again, goes back to the lists on a
// failed first read, and leaves keys to the screen's steps only while
// one is shown and no action is on its way.
func TestHeldDocTakesTheLastReadAndForgetsOnBack(t *testing.T) {
	c := englishSession()
	b := NewHeldBase(c, func() string { return "" })
	var asked []int64
	d := NewHeldDoc(&b, func(r row) int64 { return r.id }, func(seq int, id int64) tea.Cmd {
		asked = append(asked, id)
		return nil
	})
	d.Show(7)
	if b.Mode != Detail || len(asked) != 1 {
		t.Fatalf("show: mode %v, asked %v", b.Mode, asked)
	}
	if _, cmd := d.Take(b.DetailReq, errors.New("gone"), row{}); cmd == nil || b.Mode != List || d.Doc != nil {
		t.Fatalf("failed first read: mode %v, doc %v", b.Mode, d.Doc)
	}
	d.Show(7)
	early := b.DetailReq
	d.Read(7)
	if ok, _ := d.Take(early, nil, row{7, "old"}); ok {
		t.Error("took the answer to an earlier read")
	}
	if ok, _ := d.Take(b.DetailReq, nil, row{7, "new"}); !ok || d.Doc.text != "new" {
		t.Fatalf("last read not taken: %v", d.Doc)
	}
	if d.ReadAgain(false) != nil || len(asked) != 3 {
		t.Error("read again while not on screen")
	}
	d.ReadAgain(true)
	if asked[len(asked)-1] != 7 {
		t.Errorf("read again asked %v", asked)
	}
	refreshed := 0
	refresh := func() tea.Cmd { refreshed++; return nil }
	x := tea.KeyPressMsg{Code: 'x', Text: "x"}
	if r, _, step := d.Key(x, refresh); !step || r.id != 7 {
		t.Errorf("a step key not left to the screen: %v %v", r, step)
	}
	b.Busy = true
	if _, _, step := d.Key(x, refresh); step {
		t.Error("a step key left to the screen while an action is on its way")
	}
	if _, _, step := d.Key(tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}, refresh); step || refreshed != 1 {
		t.Errorf("refresh: step %v, refreshed %d", step, refreshed)
	}
	if _, _, step := d.Key(tea.KeyPressMsg{Code: tea.KeyEscape}, refresh); step || b.Mode != List || d.Doc != nil {
		t.Errorf("back: mode %v, doc %v", b.Mode, d.Doc)
	}
}
