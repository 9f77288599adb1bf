package complaints_test

import (
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// shenyangDesk adds two customers of Shenyang whose 助记码 both start
// with SY beside newDesk's 鞍山恒达 (ASHD…).
func shenyangDesk(t *testing.T) desk {
	d := newDesk(t)
	d.AddCustomers(
		workflow.CustomerInput{Name: "沈阳恒远锅炉容器有限责任公司", City: "沈阳", PaymentTerms: store.TermsPrepaid},
		workflow.CustomerInput{Name: "沈阳鼎恒锅炉容器有限公司", City: "沈阳", PaymentTerms: store.TermsPrepaid},
	)
	return d
}

// clerkOnComplaints runs the clerk's desk in Chinese on the complaints.
func (d desk) clerkOnComplaints(t *testing.T) *tuitest.Screen {
	scr := d.RunOn(t, d.Clerk, "zh", "screen.complaints")
	scr.WaitText(t, "投诉与售后")
	return scr
}

// matchRows are the rows of the customers the field's look-up lists.
func matchRows(screen string) []string {
	var rows []string
	for _, l := range strings.Split(screen, "\n") {
		if f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(l), "▸")); len(f) > 1 && strings.HasPrefix(f[0], "C0000") {
			rows = append(rows, l)
		}
	}
	return rows
}

// The customer field lists the customers its 助记码 matches, as the
// inquiry's lookup does: the clerk sees which one it is before saving,
// and picks one of several with ↓ and enter (its code goes in).
func TestTeaComplaintCustomerFieldListsItsMatches(t *testing.T) {
	scr := shenyangDesk(t).clerkOnComplaints(t)
	scr.Send(tuitest.Keys("Cashd")...)
	scr.WaitText(t, "▸ ", "鞍山恒达重工机械有限公司")
	scr.Send(tuitest.Key("ctrl+u"))
	scr.Type("sy")
	// ↓ waits for the look-ups of s and of sy, so it moves the mark on
	// the list sy found: the second row of the list shown last. (The list
	// s found may show first, in another order: the row marked before ↓
	// says nothing.)
	scr.Send(tuitest.Key("down"))
	scr.WaitUntil(t, "the mark on the second of the customers found", func(screen string) bool {
		rows := matchRows(screen)
		return len(rows) == 2 && strings.HasPrefix(strings.TrimSpace(rows[1]), "▸ ") &&
			strings.Contains(screen, "沈阳恒远锅炉容器有限责任公司") && strings.Contains(screen, "沈阳鼎恒锅炉容器有限公司")
	})
	picked := screenrig.LineWith(scr.Text(), "▸ ")
	code := strings.Fields(strings.TrimPrefix(strings.TrimSpace(picked), "▸"))[0]
	scr.Send(tuitest.Key("enter"))
	scr.WaitUntil(t, "the customer field holding "+code+", the focus on the next", func(screen string) bool {
		return strings.Contains(screenrig.LineWith(screen, "客户  "), code) && strings.Contains(screenrig.LineWith(screen, "▌"), "涉及单据")
	})
	scr.Quit(t)
}

// A problem at the customer field goes as soon as the clerk corrects
// it, not at the next save.
func TestTeaComplaintCustomerProblemGoesOnceCorrected(t *testing.T) {
	scr := shenyangDesk(t).clerkOnComplaints(t)
	scr.Send(tuitest.Keys("Csy")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitUntil(t, "the customer field's problem", func(screen string) bool {
		return strings.Contains(screenrig.LineWith(screen, "客户  "), "没有或不止一个客户")
	})
	scr.Type("syhy")
	scr.Send(tuitest.Key("enter"))
	scr.WaitUntil(t, "the customer field without its problem", func(screen string) bool {
		row := screenrig.LineWith(screen, "客户  ")
		return !strings.Contains(row, "不止一个") && (strings.Contains(row, "syhy") || strings.Contains(row, "C0"))
	})
	if row := screenrig.LineWith(scr.Text(), "客户  "); strings.Contains(row, "不止一个") {
		t.Fatalf("the problem stays at the corrected field: %q", row)
	}
	scr.Quit(t)
}

// A type the form does not know is flagged at its field, and the line
// that says which types there are stays shown with it.
func TestTeaComplaintTypeHintStaysWithItsProblem(t *testing.T) {
	scr := newDesk(t).clerkOnComplaints(t)
	scr.Send(tuitest.Keys("C\r\r")...)
	scr.WaitText(t, "1质量问题 2少发")
	scr.Send(tuitest.Keys("x\r")...)
	scr.WaitText(t, "填 1–9 或类型名", "1质量问题 2少发")
	scr.Quit(t)
}
