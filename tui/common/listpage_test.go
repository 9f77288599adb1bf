package common

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestListPageShowsHintFilterRowsAndTotals(t *testing.T) {
	l := NewList(testCommon(), func(p person) int64 { return p.id }).WithFilter(func(p person, q string) bool { return strings.Contains(p.name, q) })
	cols := []Column{{Title: "Name", Width: 8}}
	cells := func(p person) ([]string, bool) { return []string{p.name}, false }
	totals := func(rows []person) string { return strings.Repeat("#", len(rows)) + " shown" }
	page := func() string { return ansi.Strip(l.Page("People", "/ filters", "nobody", 40, cols, cells, totals)) }
	if got := page(); !strings.Contains(got, "People  / filters") || !strings.HasSuffix(got, "  nobody") {
		t.Fatalf("an empty list says so under its hint:\n%s", got)
	}
	l.SetRows(people("wang", "li", "zhao"))
	if got := page(); !strings.Contains(got, "zhao") || !strings.HasSuffix(strings.TrimRight(got, " "), "  ### shown") {
		t.Fatalf("the rows and their totals:\n%s", got)
	}
	// A filter that keeps none says so, not that the list is empty.
	for _, r := range "/qq" {
		l.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if got := page(); strings.Contains(got, "nobody") || !strings.Contains(got, l.c.T("list.no_match", "qq")) {
		t.Fatalf("a filter that keeps no row:\n%s", got)
	}
}
