package common

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestDetailWrapsScrollsAndKeepsItsPlace(t *testing.T) {
	n := 10
	content := func() string {
		var lines []string
		for i := range n {
			lines = append(lines, strings.Repeat(string(rune('a'+i)), 3))
		}
		lines[0] = "aaa aaa" // wraps at width 4
		return strings.Join(lines, "\n")
	}
	d := NewDetail(testCommon(), content)
	d.SetSize(4, 3)
	if got := d.View(); got != "aaa\naaa\nbbb" {
		t.Fatalf("top:\n%s", got)
	}
	key := func(code rune) { d.Key(tea.KeyPressMsg{Code: code}) }
	key(tea.KeyPgDown)
	if got := d.View(); got != "bbb\nccc\nddd" {
		t.Fatalf("a page down (two lines):\n%s", got)
	}
	key(tea.KeyEnd)
	if got := d.View(); got != "hhh\niii\njjj" {
		t.Fatalf("bottom:\n%s", got)
	}
	n = 6 // a refresh brings a shorter document: the place follows its end
	if got := d.View(); got != "ddd\neee\nfff" {
		t.Fatalf("after a shorter refresh:\n%s", got)
	}
	if got := d.Window(1); got != "fff" {
		t.Fatalf("one row: %q", got)
	}
	if d.Key(tea.KeyPressMsg{Code: 'x', Text: "x"}) {
		t.Fatal("x is not a scrolling key")
	}
	key(tea.KeyHome)
	if got := d.View(); !strings.HasPrefix(got, "aaa") {
		t.Fatalf("home:\n%s", got)
	}
}
