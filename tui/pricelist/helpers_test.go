package pricelist

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// clock is the time screen tests run at.
var clock = screenrig.At

// rig is the price list screen over a fresh database, driven the way
// the root drives it.
type rig struct {
	screenrig.Rig
	t                       *testing.T
	clerk, rep, boss, buyer store.User
	c                       *common.Common
	s                       *Screen
}

func newRig(t *testing.T) *rig {
	t.Helper()
	r := &rig{Rig: screenrig.NewRig(t, screenrig.Fixed(clock), 1024, 200*time.Millisecond), t: t}
	r.clerk = r.AddUser("wangli", "王丽", workflow.Clerk)
	r.rep = r.AddUser("liu", "刘强", workflow.SalesRep)
	r.boss = r.AddUser("zhao", "赵主管", workflow.Supervisor)
	r.buyer = r.AddUser("sun", "孙采购", workflow.Purchasing)
	return r
}

// open (re)builds the screen for user u, loading its first page.
func (r *rig) open(u store.User, lang string, height int) {
	r.c, r.s = screenrig.OpenAs(r.Rig, u, lang, screenrig.Fixed(clock), New, height)
}

// Type types a line of the grid in one burst (\t and \n move between
// cells and lines) and then lets it settle: the form must keep up.
func (r *rig) Type(text string) {
	r.Burst(screenrig.Keys(text)...)
	r.Settle(r.SendWait)
}

// prices has the clerk propose lines (grade, name, spec, unit, price,
// from) and the supervisor approve them.
func (r *rig) prices(reason string, lines ...workflow.PriceLineInput) int64 {
	r.t.Helper()
	id, _, err := r.Engine.Desk(r.clerk).ProposePriceChange(r.Ctx, workflow.PriceChangeInput{Reason: reason, Lines: lines})
	if err != nil {
		r.t.Fatal(err)
	}
	if err := r.Engine.Desk(r.boss).Act(r.Ctx, id, workflow.ActionApprove, ""); err != nil {
		r.t.Fatal(err)
	}
	return id
}

func price(grade, name, spec, unit, p, from string) workflow.PriceLineInput {
	return workflow.PriceLineInput{Grade: grade, Name: name, Spec: spec, Unit: unit, Price: p, ValidFrom: from}
}

// seedPrices lists five products, Chinese names of differing widths.
func (r *rig) seedPrices() {
	for _, in := range []workflow.ProductInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"},
		{Grade: "Q345B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t"},
		{Grade: "304", Name: "不锈钢板", Spec: "2.0×1219×2438", Unit: "kg"},
		{Grade: "Q235B", Name: "焊接钢管", Spec: "48×3.5×6000", Unit: "pcs", UnitWeight: "23.045"},
	} {
		if _, err := r.Engine.Desk(r.clerk).SaveProduct(r.Ctx, store.Product{}, in); err != nil {
			r.t.Fatal(err)
		}
	}
	r.prices("年度价格表",
		price("Q235B", "热轧钢板", "20×1500×6000", "t", "4150", "2026-11-26"),
		price("Q345B", "热轧钢板", "20×1500×6000", "t", "4380", "2026-11-26"),
		price("45#", "圆钢", "Φ50", "t", "4520.5", "2026-11-26"),
		price("304", "不锈钢板", "2.0×1219×2438", "kg", "16.8", "2026-11-26"),
		price("Q235B", "焊接钢管", "48×3.5×6000", "pcs", "128", "2026-11-26"),
	)
}

// feedAll delivers the change feed's pending announcements, as the root
// does for every started screen.
func (r *rig) feedAll(ch <-chan workflow.Change) {
	for {
		select {
		case c := <-ch:
			r.Send(common.ChangedMsg{Change: c})
		case <-time.After(100 * time.Millisecond):
			return
		}
	}
}

func storePage() store.Page { return store.Page{} }

// lineProblems is the row of messages the form shows under a grid line
// (0-based), "" when it has none.
func (r *rig) lineProblems(line int) string {
	lines := strings.Split(r.View(), "\n")
	prefix := fmt.Sprintf("%d.", line+1)
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(strings.TrimPrefix(l, "▌"), " "), prefix) {
			if i+1 < len(lines) && !strings.Contains(lines[i+1], fmt.Sprintf("%d.", line+2)) {
				return strings.TrimSpace(lines[i+1])
			}
			return ""
		}
	}
	return ""
}

// newProposal is the clerk's new price change over the seeded prices,
// nothing typed yet.
func newProposal(t *testing.T) *rig {
	t.Helper()
	r := newRig(t)
	r.seedPrices()
	return r.propose()
}

// propose opens the clerk's new price change, nothing typed yet.
func (r *rig) propose() *rig {
	r.open(r.clerk, "zh", 30)
	r.Press("n")
	return r
}
