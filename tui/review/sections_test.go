package review

import (
	"context"
	"strings"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// The sections under the inbox each keep their rows on screen wherever
// the cursor is: a rep with an overdue lead, a visit to review and an
// action item due, the cursor on the action item, still saw the lead's
// and the visit's headings with no row under them (a section scrolled
// as though the cursor, past its end, were in it).
func TestSectionsAboveTheCursorKeepTheirRows(t *testing.T) {
	cat := i18n.New("en")
	c := &common.Common{Ctx: context.Background(), Cat: cat, Styles: common.NewStyles(true), Keys: common.NewKeyMap(cat),
		Now: func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }}
	s := New(c)
	s.SetSize(120, 40)
	s.loaded = true
	s.leadTasks = []workflow.LeadTask{
		{Lead: store.Lead{Ref: "XS2026-000001", Name: "大连辽泰五金制品有限公司", Status: "new", NextOn: "2026-12-05", NextStep: "电话回访"}, Overdue: 2},
		{Lead: store.Lead{Ref: "XS2026-000002", Name: "盘锦益新五金制品有限公司", Status: "contacted", NextOn: "2026-12-06", NextStep: "电话回访"}, Overdue: 1},
	}
	s.visitTasks = []workflow.VisitTask{{SalesVisit: store.SalesVisit{Ref: "BF2026-000007", Who: "沈阳鼎恒锅炉容器有限公司", On: "2026-12-04",
		Goal: "problem", Status: workflow.VisitPlanned}, Late: 3}}
	s.actionTasks = []workflow.ActionTask{
		{ActionItem: store.ActionItem{MeetingRef: "HY2026-000001", What: "电话落实付款日期", DueOn: "2026-12-05"}, Overdue: 2},
		{ActionItem: store.ActionItem{MeetingRef: "HY2026-000001", What: "拜访鞍山新客户", DueOn: "2026-12-07"}},
	}
	want := []string{"XS2026-000001", "XS2026-000002", "BF2026-000007", "电话落实付款日期", "拜访鞍山新客户"}
	for pos := range s.rowCount() {
		s.cursor.Pos = pos
		view := s.View()
		for _, w := range want {
			if !strings.Contains(view, w) {
				t.Fatalf("with the cursor on row %d, %s is gone:\n%s", pos, w, view)
			}
		}
	}
}
