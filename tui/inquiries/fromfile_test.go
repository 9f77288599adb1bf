package inquiries_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// N on a customer's file starts the inquiry for that customer, at the
// first line: the clerk who just read the file does not look them up
// again. Typed in one burst from the list: enter N Q235B.
func TestNOnACustomersFileStartsWithThatCustomer(t *testing.T) {
	f := tuitest.NewAtClock(t)
	seed(t, f)
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.WaitText(t, "客户档案", "沈阳钢铁有限公司")
	scr.Send(tuitest.Key("enter"), tea.KeyPressMsg{Code: 'N', Text: "N"})
	scr.Send(tuitest.Keys("Q235B\t热轧钢板\t10x1500x6000\t25\t吨")...)
	scr.WaitText(t, "新询价单", "沈阳钢铁有限公司", "先款后货", "Q235B", "热轧钢板", "吨")
	scr.Send(ctrlS)
	scr.WaitText(t, "已保存")
	scr.Quit(t)
	rows, err := f.Engine.Desk(f.Clerk).OpenInquiries(context.Background(), store.Page{Limit: 10})
	if err != nil || len(rows) != 1 || rows[0].Customer != "沈阳钢铁有限公司" {
		t.Fatalf("inquiries %+v, %v", rows, err)
	}
}

// After saving, the list shows the new inquiry under the cursor: enter
// opens it, even typed in the same burst as the save.
func TestSavedInquiryIsUnderTheCursor(t *testing.T) {
	f := tuitest.NewAtClock(t)
	seed(t, f)
	d := f.Engine.Desk(f.Clerk)
	rows, _ := d.Customers(context.Background(), store.Page{Limit: 10})
	for range 3 { // older inquiries above it
		if _, _, err := d.CreateInquiry(context.Background(), workflow.InquiryInput{CustomerID: rows[1].ID, Lines: []workflow.LineInput{
			{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "8", Unit: "t"}}}); err != nil {
			t.Fatal(err)
		}
	}
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.WaitText(t, "客户档案", "沈阳钢铁有限公司")
	scr.Send(tea.KeyPressMsg{Code: 'N', Text: "N"})
	scr.Send(tuitest.Keys("sygt\r")...)
	scr.Send(tuitest.Keys("Q235B\t热轧钢板\t10x1500x6000\t25\t吨")...)
	scr.Send(ctrlS, tuitest.Key("enter"))
	scr.WaitText(t, "询价单 XJ2026-000004", "10×1500×6000")
	scr.Quit(t)
}
