package docscreen

import (
	"context"
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
)

func newBase() Base {
	c := englishSession()
	b := NewBase(c, "invoices", func() string { return "doc" })
	b.Lists.Add("drafts", common.NewPager(c, "invoices.drafts", func(id int64) int64 { return id },
		func(context.Context, store.Page) ([]int64, error) { return nil, nil }))
	return b
}

func TestBaseRoutesOpensAndKeysByMode(t *testing.T) {
	b := newBase()
	var got []string
	h := Handlers{
		Detail: func(tea.KeyPressMsg) tea.Cmd { got = append(got, "detail"); return nil },
		List:   func(tea.KeyPressMsg) tea.Cmd { got = append(got, "list"); return nil },
		Own:    func(tea.KeyPressMsg) tea.Cmd { got = append(got, "own"); return nil },
	}
	opened := int64(0)
	open := func(id int64) tea.Cmd { opened = id; return nil }
	if _, ok := b.Route(tea.KeyPressMsg{Code: 'x', Text: "x"}, h, open); !ok {
		t.Fatal("a key is routed")
	}
	b.Route(common.OpenMsg{DocID: 7}, h, open)
	if opened != 7 || b.Mode != Detail {
		t.Fatalf("open: read %d, mode %d", opened, b.Mode)
	}
	b.Route(tea.KeyPressMsg{Code: 'x', Text: "x"}, h, open)
	b.Mode = Prompt + 1
	b.Route(tea.KeyPressMsg{Code: 'x', Text: "x"}, h, open)
	if want := "list detail own"; joinWords(got) != want {
		t.Fatalf("keys went to %q, want %q", joinWords(got), want)
	}
	if _, ok := b.Route(struct{}{}, h, open); ok {
		t.Fatal("another message is the screen's")
	}
}

func TestBaseTakesOnlyTheLastDocumentRead(t *testing.T) {
	b := newBase()
	b.Mode = Detail
	first := b.AskDetail()
	last := b.AskDetail()
	if ok, _ := b.TakeDetail(first, 3, nil); ok {
		t.Fatal("an earlier read is dropped")
	}
	if ok, cmd := b.TakeDetail(last, 0, errors.New("gone")); ok || cmd == nil || b.Mode != List {
		t.Fatalf("a failed read with nothing shown: ok %v, mode %d", ok, b.Mode)
	}
	if ok, _ := b.TakeDetail(last, 4, nil); !ok || b.Shown != 4 {
		t.Fatalf("the last read is shown: ok %v, shown %d", ok, b.Shown)
	}
	b.Mode = Detail
	if _, step := b.DocKey(tea.KeyPressMsg{Code: tea.KeyEscape}, func() tea.Cmd { return nil }, nil); step || b.Shown != 0 || b.Mode != List {
		t.Fatalf("back: step %v, shown %d, mode %d", step, b.Shown, b.Mode)
	}
}

func joinWords(ws []string) string { return JoinNonEmpty(ws...) }
