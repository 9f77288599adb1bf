package tui_test

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// After saving a new document the list shows it under the cursor, past
// the first page: e typed in the same burst as the save opens it (a
// title no earlier frame shows).

// manyCustomers adds n customers, more than a page holds.
func manyCustomers(t *testing.T, f *tuitest.Fixture, n int) {
	t.Helper()
	for i := range n {
		_, _, err := f.Engine.Desk(f.Clerk).CreateCustomer(f.Ctx, workflow.CustomerInput{Name: fmt.Sprintf("大连第%d机械有限公司", i+1),
			Address: "大连市甘井子区", PaymentTerms: store.TermsPrepaid})
		f.Must(err)
	}
}

func TestSavedCustomerIsUnderTheCursor(t *testing.T) {
	f := tuitest.New(t)
	manyCustomers(t, f, 50)
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.Send(tuitest.Keys("n抚顺特殊钢股份有限公司\r抚特\r\x13e")...)
	scr.WaitText(t, "编辑客户 C000051 抚顺特殊钢股份有限公司")
	scr.Quit(t)
}

func TestSavedProductIsUnderTheCursor(t *testing.T) {
	f := tuitest.New(t)
	for i := range 50 {
		_, err := f.Engine.Desk(f.Clerk).SaveProduct(f.Ctx, store.Product{}, workflow.ProductInput{Grade: "Q235B", Name: "热轧钢板",
			Spec: fmt.Sprintf("%d×1500×6000", i+6), Unit: "t"})
		f.Must(err)
	}
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.Send(tuitest.Keys("0n40Cr\r圆钢\tΦ60\r  \r12.5\t\re")...)
	scr.WaitText(t, "编辑产品 40CR 圆钢")
	scr.Quit(t)
}

func TestSavedOrderIsUnderTheCursor(t *testing.T) {
	f := tuitest.New(t)
	manyCustomers(t, f, 1)
	cust := f.PrepaidCustomer() // 沈阳北方重工, 助记码 SYBF…
	for range 45 {
		f.DraftOrder(cust, "沈阳", tuitest.Plate())
	}
	delivery := time.Now().AddDate(0, 0, 30).Format("2006-01-02")
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	keys := tuitest.Keys("5nsybf\r\t" + delivery + "\t\t\t\t\t\t\t沈阳\t\tQ235B\t热轧钢板\t20×1500×6000\t12\tt\t\t\t4120\x13")
	keys = append(keys, tea.KeyPressMsg{Code: tea.KeyEscape}, tea.KeyPressMsg{Code: 'e', Text: "e"})
	scr.Send(keys...)
	scr.WaitText(t, "修改订单 DD2026-000046", "4120", delivery) // e on the list opened it
	scr.Quit(t)
}
