package review

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestFilterHidesTheTasks: while a filter is typed or kept the inbox
// lists only the documents it keeps, so enter under a filter that matched
// nothing opens no collections task below (it went to Reconciliation);
// esc drops the filter and the tasks show again.
func TestFilterHidesTheTasks(t *testing.T) {
	r := newTaskRig(t)
	inv := r.lateInvoice(t)
	s := r.screen(t, r.user(t, "wangli", 0), "zh")
	if !strings.Contains(s.View(), inv.InvoiceNo) {
		t.Fatalf("no collections task to hide:\n%s", s.View())
	}
	var out []tea.Msg
	for _, k := range []tea.KeyPressMsg{{Code: '/', Text: "/"}, {Code: '无', Text: "无"}, {Code: '此', Text: "此"}, {Code: tea.KeyEnter}, {Code: tea.KeyEnter}} {
		_, cmd := s.Update(k)
		out = append(out, run(t, s, cmd)...)
	}
	if len(out) != 0 {
		t.Fatalf("enter under a filter that matched nothing asked the frame for %#v", out)
	}
	if v := s.View(); strings.Contains(v, inv.InvoiceNo) || !strings.Contains(v, "没有匹配“无此”的记录") {
		t.Fatalf("the filter's view:\n%s", v)
	}
	_, cmd := s.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	run(t, s, cmd)
	if v := s.View(); !strings.Contains(v, inv.InvoiceNo) {
		t.Fatalf("esc did not bring the tasks back:\n%s", v)
	}
}
