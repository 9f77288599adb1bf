package inquiries_test

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// These run the whole app under teatest in a 120×40 window, type real
// keys and read the screen a terminal would show.

var enter, tab, ctrlS = tuitest.Key("enter"), tuitest.Key("tab"), tuitest.Key("ctrl+s")

func seed(t *testing.T, f *tuitest.Fixture) {
	t.Helper()
	ctx := context.Background()
	d := f.Engine.Desk(f.Clerk)
	for _, in := range []workflow.CustomerInput{
		{Name: "沈阳钢铁有限公司", ShortName: "沈钢", City: "沈阳", Phone: "024-23456789", Contact: "张经理"},
		{Name: "鞍山宏达钢材贸易有限公司", ShortName: "鞍山宏达", City: "鞍山", Phone: "0412-5551234"},
	} {
		in.PaymentTerms = store.TermsPrepaid
		if _, _, err := d.CreateCustomer(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.SaveProduct(ctx, store.Product{}, workflow.ProductInput{Grade: "Q235B", Name: "热轧钢板", Spec: "10×1500×6000", Unit: "t"}); err != nil {
		t.Fatal(err)
	}
}

// typeCells types each cell and a tab after it.
func typeCells(scr *tuitest.Screen, cells ...string) {
	for _, c := range cells {
		scr.Type(c)
		scr.Send(tab)
	}
}

// The phone rings while the clerk is on the customer list: N opens a
// new inquiry, the customer is found by its pinyin initials, five lines
// are typed, ctrl+s saves, and the inquiry waits in the list with its age.
func TestTeaNewInquiryFromAnotherScreen(t *testing.T) {
	f := tuitest.NewAtClock(t)
	seed(t, f)
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.WaitText(t, "客户档案", "沈阳钢铁有限公司")
	scr.Send(tea.KeyPressMsg{Code: 'N', Text: "N"})
	scr.WaitText(t, "新询价单", "客户:")
	scr.Type("sygt")
	scr.WaitText(t, "SYGTYXGS")
	scr.Send(enter)
	scr.WaitText(t, "先款后货", "张经理")
	lines := [][]string{
		{"Q235B", "热轧钢板", "10x1500x6000", "25", "吨", "12-01", "切边"},
		{"Q345B", "低合金板", "16x2200x8000", "12.5", "t", "2026/12/5", ""},
		{"45#", "圆钢", "Φ50", "8", "t", "2026-12-10", "调质"},
		{"304", "不锈钢板", "2x1219x2438", "30", "件", "12-15", "覆膜"},
		{"20#", "无缝钢管", "219x8", "3.6", "t", "", "定尺6米"},
	}
	for i, l := range lines {
		typeCells(scr, l[:6]...)
		scr.Type(l[6])
		if i < len(lines)-1 {
			scr.Send(enter) // at the last cell: a new line
		}
	}
	scr.WaitText(t, "5.", "无缝钢管", "定尺6米")
	scr.Send(ctrlS)
	scr.WaitText(t, "询价单 XJ2026-000001 已保存", "未答复的询价单", "XJ2026-000001", "0分钟", "沈阳钢铁有限公司")
	row := lineWith(scr.Text(), "XJ2026-000001")
	if !strings.Contains(row, " 5 ") || !strings.Contains(row, "*4") {
		t.Fatalf("want 5 lines, 4 of them flagged, on the row: %q", row)
	}
	scr.Quit(t)
}

func lineWith(text, s string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) && !strings.Contains(l, "已保存") {
			return l
		}
	}
	return ""
}
