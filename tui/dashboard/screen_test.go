package dashboard

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
	"orderdesk/workflow/workflowtest"
)

// caught collects what the screen asks the root to open.
func caught(catch *func(tea.Msg) bool) *[]tea.Msg {
	var got []tea.Msg
	*catch = func(m tea.Msg) bool {
		switch m.(type) {
		case common.SwitchScreenMsg, common.CustomerOrdersMsg, common.OpenMsg, common.StatisticsMsg:
			got = append(got, m)
			return true
		}
		return false
	}
	return &got
}

// enter opens what is behind the row under the cursor: that figure of
// the month in Statistics, a leading customer's orders, a leading
// product's customers in Statistics, the ladder behind a rung, the
// inquiries and quotes waiting.
func TestEnterOpensWhatIsBehind(t *testing.T) {
	eng := dashDesk(t)
	d, s := open(t, eng, "zhao", "zh", 120, 37)
	got := caught(&d.Catch)
	top := s.view.TopCustomers[0]
	n := len(s.view.TopCustomers[:min(len(s.view.TopCustomers), s.topRows())])
	p := len(s.view.TopProducts[:min(len(s.view.TopProducts), s.topRows())])
	steps := []struct {
		keys []string
		want tea.Msg
	}{
		{[]string{"enter"}, common.StatisticsMsg{Measure: store.StatOrdered, Period: s.view.Month}},
		{strings.Fields("j j enter"), common.StatisticsMsg{Measure: store.StatInvoiced, Period: s.view.Month}},
		{strings.Fields("j j enter"), common.CustomerOrdersMsg{Screen: "screen.orders", Customer: store.CustomerRow{ID: atoi(top.Key), Name: top.Label}}},
		{append(repeat("j", n), "enter"), common.StatisticsMsg{Measure: store.StatOrdered, Period: s.view.Month,
			Item: s.view.TopProducts[0].Key, ItemLabel: s.view.TopProducts[0].Label}},
		{append(repeat("j", p), "enter"), common.SwitchScreenMsg{Screen: "screen.reconciliation", Back: true}},
		{strings.Fields("G enter"), common.SwitchScreenMsg{Screen: "screen.complaints", Back: true}},
		{strings.Fields("k enter"), common.SwitchScreenMsg{Screen: "screen.pricing", Back: true}},
		{strings.Fields("k enter"), common.SwitchScreenMsg{Screen: "screen.inquiries", Back: true}},
	}
	for i, step := range steps {
		d.Press(step.keys...)
		d.WaitFor(func() bool { return len(*got) == i+1 }, func() string { return fmt.Sprintf("step %d opened %v", i, *got) })
		if m := (*got)[i]; m != step.want {
			t.Errorf("%v opens %#v, want %#v", step.keys, m, step.want)
		}
	}
}

func atoi(s string) int64 {
	var n int64
	fmt.Sscan(s, &n)
	return n
}

func repeat(k string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = k
	}
	return out
}

// t shows tonnes for money and back; where money is withheld, tonnes
// show whatever t says, and the overdue money is not shown at all.
func TestTonnesAndMoney(t *testing.T) {
	eng := dashDesk(t)
	d, s := open(t, eng, "zhao", "en", 120, 37)
	d.MustShow("Dashboard · 2026-11-20 · 2026-11  money", s.view.MonthFigures.Ordered.Amount.String())
	d.Press("t")
	d.MustShow("2026-11  tonnes", s.view.MonthFigures.Ordered.Tonnes.String())
	d.MustNotShow(s.view.MonthFigures.Ordered.Amount.String())
	d.Press("t")
	d.MustShow("2026-11  money")

	d, s = open(t, eng, "wu", "en", 120, 37)
	// The warehouse works complaints but sees no inquiries or quotes.
	d.MustShow("2026-11  tonnes", s.view.MonthFigures.Ordered.Tonnes.String(), "withheld", "Complaints open / overdue")
	d.MustNotShow("Open inquiries", "Quotes out")
	d.Press("t")
	d.MustShow("2026-11  tonnes")
}

// A rep's dashboard holds their own customers only.
func TestARepSeesTheirOwnCustomers(t *testing.T) {
	eng := dashDesk(t)
	_, boss := open(t, eng, "zhao", "zh", 120, 37)
	d, s := open(t, eng, "liu", "zh", 120, 37)
	mine := map[string]bool{}
	for _, r := range s.view.TopCustomers {
		mine[r.Key] = true
	}
	if len(mine) == 0 {
		t.Fatal("the rep leads with nobody: the check says nothing")
	}
	for _, r := range boss.view.TopCustomers {
		if !mine[r.Key] {
			d.MustNotShow(r.Label)
		}
	}
	d.MustShow(s.view.TopCustomers[0].Label)
}

// A change another session makes shows without a key: an inquiry
// taken at another desk counts among those open, an order signed back
// among the month's orders.
func TestAChangeElsewhereShowsWithoutAKey(t *testing.T) {
	eng := dashDesk(t)
	d, s := open(t, eng, "zhao", "en", 120, 37)
	before := s.view.OpenInquiries
	d.MustShow("Open inquiries")
	other := eng.Desk(workflowtest.User(t, eng, "zhao")) // the same supervisor at another terminal
	cust := s.view.TopCustomers[0]
	if _, _, err := other.CreateInquiry(context.Background(), workflow.InquiryInput{CustomerID: atoi(cust.Key), Lines: []workflow.LineInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "10×1500×6000", Quantity: "30", Unit: "t", WantedOn: "2026-12-10"}}}); err != nil {
		t.Fatal(err)
	}
	d.WaitFor(func() bool { return s.view.OpenInquiries == before+1 }, func() string {
		return fmt.Sprintf("open inquiries %d, want %d", s.view.OpenInquiries, before+1)
	})
	d.MustShow(fmt.Sprint(before + 1))
}

// s makes the dashboard the screen the desk opens on, for this user's
// next session too; s again gives the first tab back.
func TestStartHere(t *testing.T) {
	eng := dashDesk(t)
	d, s := open(t, eng, "zhao", "zh", 120, 37)
	d.MustNotShow("登录即进入本页")
	d.Press("s")
	d.MustStatus("登录时将进入销售看板")
	d.MustShow("登录即进入本页")
	if got, err := eng.Desk(workflowtest.User(t, eng, "zhao")).StartScreen(context.Background()); err != nil || got != workflow.ScreenDashboard {
		t.Fatalf("the next session opens on %q (%v)", got, err)
	}
	d2, _ := open(t, eng, "zhao", "zh", 120, 37)
	d2.MustShow("登录即进入本页")
	d.Press("s")
	d.MustStatus("登录时回到第一个标签页")
	d.MustNotShow("登录即进入本页")
	if s.isStartScreen() {
		t.Error("still the start screen")
	}
}

// The counts of what waits show whole at 80 columns, however many
// digits the pairs take.
func TestWaitingCountsShowWholeAt80(t *testing.T) {
	eng := dashDesk(t)
	d, s := open(t, eng, "zhao", "zh", 80, 24)
	s.view.QuotesSent, s.view.QuotesToSign = 122, 10
	s.view.OpenComplaints, s.view.FlaggedComplaints = 21, 7
	d.MustShow("122 / 10", "21 / 7")
}
