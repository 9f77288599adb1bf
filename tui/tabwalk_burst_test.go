package tui_test

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow/demo"
)

// tabWalk crosses screens the way a supervisor's morning does: the
// inbox and twenty-four rows down it to open the twenty-fifth, back, the
// orders and the second one, back, the invoices and the third, back to
// the customers, a filter and the first match opened.
func tabWalk() []tea.Msg {
	keys := []string{"9"}
	keys = append(keys, strings.Split(strings.Repeat("j", 24), "")...)
	keys = append(keys, "enter", "esc", "5", "j", "enter", "esc", "7", "j", "j", "enter", "esc", "1", "/")
	var out []tea.Msg
	for _, k := range keys {
		out = append(out, tuitest.Key(k))
	}
	return append(out, tuitest.Char('沈'), tuitest.Char('阳'), tuitest.Key("enter"), tuitest.Key("enter"))
}

// A walk across five screens typed in one burst, before any of them has
// answered, ends on the frame the same keys typed one at a time end on,
// at both window sizes: no key lost at a screen switch, none applied to
// the screen it was typed away from.
func TestTabWalkInOneBurstEndsWhereSlowTypingDoes(t *testing.T) {
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Orders, o.Invoices, o.Pending = 20, 12, 12, 6, 30
	f := tuitest.NewDemo(t, o)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			slow := f.OpenOn(f.Supervisor, "zh", "screen.customers", size[0], size[1])
			fast := f.OpenOn(f.Supervisor, "zh", "screen.customers", size[0], size[1])
			defer slow.Close()
			defer fast.Close()
			tuitest.SameAtOnce(t, slow, tabWalk(), fast, tabWalk())
			tuitest.MustShow(t, slow, "沈阳", "助记码")
		})
	}
}
