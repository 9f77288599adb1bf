package common

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestSlashOverAKeptFilterStartsANewOne: "/ 鞍山 enter" finds 鞍山 whatever
// the list was filtered by before; backspace clears the kept text, and
// end (or an arrow) edits it in place.
func TestSlashOverAKeptFilterStartsANewOne(t *testing.T) {
	l := NewList(testCommon(), func(p person) int64 { return p.id }).
		WithFilter(func(p person, q string) bool { return strings.Contains(p.name, q) })
	l.SetRows(people("沈阳重工", "鞍山恒达", "鞍山钢铁", "大连船舶"))
	typed := func(keys ...tea.Msg) {
		for _, k := range keys {
			l.Update(k)
		}
	}
	text := func(s string) []tea.Msg {
		var out []tea.Msg
		for _, r := range s {
			out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		return out
	}
	slash, enter := tea.KeyPressMsg{Code: '/', Text: "/"}, tea.KeyPressMsg{Code: tea.KeyEnter}
	names := func() string {
		var out []string
		for _, p := range l.Rows() {
			out = append(out, p.name)
		}
		return strings.Join(out, ",")
	}
	cases := []struct {
		name string
		keys []tea.Msg
		want string
	}{
		{"a new filter replaces the kept one", append(append([]tea.Msg{slash}, text("鞍山")...), enter), "鞍山恒达,鞍山钢铁"},
		{"backspace clears the kept one", []tea.Msg{slash, tea.KeyPressMsg{Code: tea.KeyBackspace}, enter}, "沈阳重工,鞍山恒达,鞍山钢铁,大连船舶"},
		{"end edits the kept one in place", append(append([]tea.Msg{slash, tea.KeyPressMsg{Code: tea.KeyEnd}}, text("钢铁")...), enter), "鞍山钢铁"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			typed(append([]tea.Msg{slash}, text("鞍山")...)...)
			typed(enter) // kept: 鞍山
			typed(tc.keys...)
			if got := names(); got != tc.want {
				t.Fatalf("rows %s, want %s (filter %q)", got, tc.want, l.Query())
			}
			typed(slash, tea.KeyPressMsg{Code: tea.KeyEscape}) // clear for the next case
		})
	}
}

// TestFilterInputTypesOverItsKeptText: the filter line every list uses (a keyset Pager too).
func TestFilterInputTypesOverItsKeptText(t *testing.T) {
	c := testCommon()
	f := newFilterInput(c)
	f.SetValue("沈阳通信")
	f.open()
	if v := f.view(true, ""); !strings.Contains(v, "沈阳通信") {
		t.Fatalf("the kept filter is not shown: %q", v)
	}
	for _, r := range "鞍山" {
		f.edit(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if f.Value() != "鞍山" {
		t.Fatalf("filter %q, want 鞍山", f.Value())
	}
}
