package demo

import (
	"context"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// A plan's open matters are written in the desk's words, never the
// matter's kind code: a Chinese reader saw "遗留问题: quote BJ2026-000029/2".
func TestDemoMattersAreWrittenInChinese(t *testing.T) {
	tests := []struct {
		m    store.OpenMatter
		want string
	}{
		{store.OpenMatter{Kind: "quote", Ref: "BJ2026-000029/2", Day: "2026-11-20"}, "报价待答复 BJ2026-000029/2(2026-11-20 发出)"},
		{store.OpenMatter{Kind: "invoice", Ref: "KP2026-000003", Day: "2026-10-31"}, "逾期发票 KP2026-000003(2026-10-31 到期)"},
		{store.OpenMatter{Kind: "complaint", Ref: "TS2026-000001", Day: "2026-11-02"}, "投诉 TS2026-000001(2026-11-02)"},
	}
	for _, tc := range tests {
		if got := matterText(tc.m); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.m.Kind, tc.m.Ref, got, tc.want)
		}
	}
}

// No visit of the demo carries a matter's kind code as its text.
func TestDemoVisitsHoldNoKindCodes(t *testing.T) {
	eng, _, _ := desk120.copyFor(t)
	ctx := context.Background()
	for _, login := range []string{"liu", "zheng"} {
		var rep store.User
		if err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { rep, err = tx.UserByLogin(ctx, login); return err }); err != nil {
			t.Fatal(err)
		}
		vs, err := eng.Desk(rep).Visits(ctx, workflow.VisitFilter{From: today.AddDate(0, 0, -8).Format("2006-01-02")})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			for kind := range matterWords {
				if strings.HasPrefix(v.OpenMatters, kind+" ") {
					t.Errorf("visit %s: open matters %q", v.Ref, v.OpenMatters)
				}
			}
		}
	}
}
