package tui_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// TestEveryScreenGolden keeps every screen's first view at 80×24 and
// 120×40, in Chinese, over a customer with a long name, a steel spec and
// an order: what must never be cut or wrapped (a spec, a date, the
// footer) shows in the files. Refresh with go test ./tui -update.
func TestEveryScreenGolden(t *testing.T) {
	f := tuitest.NewAtClock(t)
	seedScreens(t, f)
	u := f.Supervisor
	u.Roles = append(u.Roles, "finance", "admin")
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		app := f.App(u, "zh")
		// Round the tabs once: the first screen starts on the way back, as
		// the program's Init would start it.
		back := tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
		tuitest.Press(app, tea.WindowSizeMsg{Width: size[0], Height: size[1]}, back, tuitest.Key("tab"))
		for i := range len(tui.ScreenNames(u)) {
			t.Run(fmt.Sprintf("%02d_%dx%d", i+1, size[0], size[1]), func(t *testing.T) {
				got := screenText(app)
				for n, line := range strings.Split(got, "\n") {
					if w := ansi.StringWidth(line); w > size[0] {
						t.Errorf("line %d is %d cells in a window of %d: %q", n+1, w, size[0], line)
					}
				}
				golden.RequireEqual(t, []byte(got))
			})
			tuitest.Press(app, tuitest.Key("tab"))
		}
	}
}

func seedScreens(t *testing.T, f *tuitest.Fixture) {
	t.Helper()
	ctx := context.Background()
	d := f.Engine.Desk(f.Clerk)
	cust, _, err := d.CreateCustomer(ctx, workflow.CustomerInput{Name: "鞍山恒达重工机械有限公司", ShortName: "恒达重工", City: "鞍山",
		Phone: "0412-5551234", Contact: "李经理", PaymentTerms: store.TermsPrepaid})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.SaveProduct(ctx, store.Product{}, workflow.ProductInput{Grade: "Q235B", Name: "热轧钢板", Spec: "10×1500×6000", Unit: "t"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := d.CreateInquiry(ctx, workflow.InquiryInput{CustomerID: cust, Lines: []workflow.LineInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "10×1500×6000", Quantity: "30", Unit: "t", WantedOn: "2026-12-10"}}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := d.CreateOrder(ctx, workflow.OrderInput{CustomerID: cust, CustomerName: "鞍山恒达重工机械有限公司", Contact: "李经理", Phone: "0412-5551234", OrderDate: "2026-11-26", DeliveryDate: "2026-12-20",
		SigningPlace: "沈阳", ShipTo: "鞍山市铁东区", Lines: []workflow.OrderLineInput{
			{Grade: "Q235B", Name: "热轧钢板", Spec: "10×1500×6000", Quantity: "30", Unit: "t", Price: "4380"}}}); err != nil {
		t.Fatal(err)
	}
}
