package common

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

type person struct {
	id   int64
	name string
}

func people(names ...string) []person {
	out := make([]person, len(names))
	for i, n := range names {
		out[i] = person{id: int64(i + 1), name: n}
	}
	return out
}

func TestListKeepsTheCursorOnTheSameRow(t *testing.T) {
	l := NewList(testCommon(), func(p person) int64 { return p.id })
	l.SetRows(people("wang", "li", "zhao"))
	l.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	// Another session adds a row before li: the cursor stays on li.
	l.SetRows([]person{{id: 1, name: "wang"}, {id: 9, name: "chen"}, {id: 2, name: "li"}, {id: 3, name: "zhao"}})
	if p, _ := l.Current(); p.name != "li" {
		t.Fatalf("cursor on %q, want li", p.name)
	}
	l.SetRows(people("wang")) // li is gone: the cursor stays within the rows
	if p, ok := l.Current(); !ok || p.name != "wang" {
		t.Fatalf("cursor on %v %v", p, ok)
	}
}

func TestListMovesWindowsAndFilters(t *testing.T) {
	l := NewList(testCommon(), func(p person) int64 { return p.id }).
		WithFilter(func(p person, q string) bool { return strings.Contains(p.name, q) })
	var names []string
	for i := range 30 {
		names = append(names, "row"+strconv.Itoa(i))
	}
	l.SetRows(people(names...))
	l.SetHeight(5)
	press := func(msgs ...tea.Msg) {
		for _, m := range msgs {
			if _, handled := l.Update(m); !handled {
				t.Fatalf("%v not handled", m)
			}
		}
	}
	press(tea.KeyPressMsg{Code: tea.KeyEnd})
	if l.Cursor.Pos != 29 || l.Cursor.Top != 25 {
		t.Fatalf("end: %+v", l.Cursor)
	}
	press(tea.KeyPressMsg{Code: tea.KeyPgUp})
	if l.Cursor.Pos != 25 {
		t.Fatalf("page up by 4: %+v", l.Cursor)
	}
	if got := strings.Count(l.Render([]Column{{Title: "name", Width: 8}}, func(p person) ([]string, bool) {
		return []string{p.name}, false
	}), "\n"); got != 5 {
		t.Fatalf("rendered %d rows, want the window of 5", got)
	}
	press(tea.KeyPressMsg{Code: '/', Text: "/"}, tea.PasteMsg{Content: "row2"})
	if len(l.Rows()) != 11 || l.Cursor.Pos != 0 || !l.Editing {
		t.Fatalf("filter row2: %d rows, cursor %+v", len(l.Rows()), l.Cursor)
	}
	press(tea.KeyPressMsg{Code: tea.KeyEscape})
	if len(l.Rows()) != 30 || l.Editing || l.FilterView() != "" {
		t.Fatalf("esc left %d rows", len(l.Rows()))
	}
	if _, handled := l.Update(tea.KeyPressMsg{Code: 'x', Text: "x"}); handled {
		t.Fatal("x is not the list's")
	}
}
