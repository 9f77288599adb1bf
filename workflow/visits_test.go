package workflow

import (
	"testing"
	"time"

	"orderdesk/store"
)

// shenyangVisit is a visit to the fixture's customer on Tuesday morning
// to sell more plate.
func (p *pfix) shenyangVisit() VisitInput {
	return VisitInput{CustomerID: p.cust, On: "2026-11-03", At: "9:30", Place: "客户办公室", Goal: "volume",
		Questions: "问价格:按本周价表", Materials: "价格表、样品"}
}

// A visit planned in the past or at no time of day is refused at the
// field with nothing saved; a sales rep plans for their own customers
// only.
func TestVisitPlanRefused(t *testing.T) {
	p := newPricing(t)
	in := p.shenyangVisit()
	in.On, in.At = "2026-11-01", "25:00"
	_, err := p.e.Desk(p.rep).PlanVisit(p.ctx, in)
	fe, ok := err.(FieldErrors)
	if !ok || fe.For(FVisitOn) == nil || fe.For(FVisitOn).Code != DateInPast || fe.For(FVisitAt) == nil || fe.For(FVisitAt).Code != InvalidTime {
		t.Fatalf("a visit in the past at 25:00: %v", err)
	}
	if _, err := p.e.Desk(p.rep2).PlanVisit(p.ctx, p.shenyangVisit()); !refusedWith(err, NotYourCustomer) {
		t.Errorf("a rep planned a visit to another rep's customer: %v", err)
	}
	in = p.shenyangVisit()
	in.CustomerID, in.Customer = 0, "没有这家公司"
	if _, err := p.e.Desk(p.rep).PlanVisit(p.ctx, in); !isFieldError(err, FVisitWhom) {
		t.Errorf("a visit to nobody known: %v", err)
	}
	vs, err := p.e.Desk(p.clerk).Visits(p.ctx, VisitFilter{})
	p.must(err)
	if len(vs) != 0 {
		t.Errorf("a refused plan saved %d visits", len(vs))
	}
}

func isFieldError(err error, field string) bool {
	fe, ok := err.(FieldErrors)
	return ok && fe.For(field) != nil
}

// A visit waits in its owner's inbox from the day after its day until
// they review it; the review is the owner's, once the day has come, and
// a goal not reached says why. Cancelled needs the reason. The counts
// per owner follow.
func TestVisitReviewAndTasks(t *testing.T) {
	p := newPricing(t)
	id, err := p.e.Desk(p.rep).PlanVisit(p.ctx, p.shenyangVisit())
	p.must(err)
	tasks := func(u store.User) int {
		ts, err := p.e.Desk(u).MyVisitTasks(p.ctx)
		p.must(err)
		return len(ts)
	}
	review := VisitReviewInput{Reached: "no", Achieved: "见了采购部长", WhyNot: "对方库存还多", NextStep: "月底再访", NextOn: "2026-11-28"}
	if err := p.e.Desk(p.rep).ReviewVisit(p.ctx, id, 0, review); !refusedWith(err, VisitNotDue) {
		t.Errorf("reviewed before its day: %v", err)
	}
	p.at(time.Date(2026, 11, 3, 8, 0, 0, 0, time.UTC)) // the visit's day, in Shenyang
	if n := tasks(p.rep); n != 0 {
		t.Errorf("on its day the visit is already a task (%d)", n)
	}
	p.at(time.Date(2026, 11, 4, 1, 0, 0, 0, time.UTC)) // the day after
	if n := tasks(p.rep); n != 1 {
		t.Errorf("the day after, %d tasks, want the visit", n)
	}
	if n := tasks(p.clerk); n != 0 {
		t.Errorf("the desk has %d of the rep's visits as tasks", n)
	}
	if err := p.e.Desk(p.clerk).ReviewVisit(p.ctx, id, 0, review); !refusedWith(err, NotYourVisit) {
		t.Errorf("the desk reviewed the rep's visit: %v", err)
	}
	missed := review
	missed.WhyNot = ""
	if err := p.e.Desk(p.rep).ReviewVisit(p.ctx, id, 0, missed); !isFieldError(err, FWhyNot) {
		t.Errorf("a goal missed without why: %v", err)
	}
	p.must(p.e.Desk(p.rep).ReviewVisit(p.ctx, id, 0, review))
	if n := tasks(p.rep); n != 0 {
		t.Errorf("a reviewed visit is still a task (%d)", n)
	}
	v, err := p.e.Desk(p.rep).Visit(p.ctx, id)
	p.must(err)
	if v.Status != VisitReviewed || v.Review == nil || v.Review.WhyNot != "对方库存还多" || v.At != "09:30" {
		t.Errorf("reviewed visit %+v", v)
	}
	in := p.shenyangVisit()
	in.On = "2026-11-05"
	other, err := p.e.Desk(p.rep).PlanVisit(p.ctx, in)
	p.must(err)
	if err := p.e.Desk(p.rep).Act(p.ctx, other, ActionCancelVisit, ""); !refusedWith(err, CommentRequired) {
		t.Errorf("cancelled with no reason: %v", err)
	}
	p.must(p.e.Desk(p.rep).Act(p.ctx, other, ActionCancelVisit, "客户出差"))
	rows, total, err := p.e.Desk(p.boss).VisitStatistics(p.ctx, "2026-11-01", "2026-11-30")
	p.must(err)
	if len(rows) != 1 || total.Visits != 1 || total.Reviewed != 1 || total.Missed != 1 || total.Cancelled != 1 || total.Reached != 0 {
		t.Errorf("statistics %+v total %+v", rows, total)
	}
}

// A visit written in the customer file's log becomes a reviewed visit
// of its writer with the note as what it achieved, once, and the file
// lists it once; so does one the log held before visits were
// documents, at the next start.
func TestVisitLogBecomesVisits(t *testing.T) {
	p := newPricing(t)
	p.must(p.e.Desk(p.rep).AddVisit(p.ctx, store.Visit{CustomerID: p.cust, On: "2026-10-20", Kind: "visit", Notes: "谈明年框架合同"}))
	p.must(p.e.Desk(p.rep).AddVisit(p.ctx, store.Visit{CustomerID: p.cust, On: "2026-10-21", Kind: "call", Notes: "催款"}))
	vs, err := p.e.Desk(p.rep).Visits(p.ctx, VisitFilter{})
	p.must(err)
	if len(vs) != 1 || vs[0].Status != VisitReviewed || !vs[0].FromLog || vs[0].Review.Achieved != "谈明年框架合同" || vs[0].OwnerID != p.rep.ID {
		t.Fatalf("the logged visit became %+v", vs)
	}
	f, err := p.e.Desk(p.rep).CustomerFile(p.ctx, p.cust)
	p.must(err)
	if len(f.Visits) != 2 || f.Visits[0].Kind != "call" || f.Visits[1].Ref != vs[0].Ref {
		t.Errorf("the file lists %+v", f.Visits)
	}
	// An entry the log held before: written around the workflow, as an
	// older orderdesk wrote it.
	p.must(p.st.Write(p.ctx, func(tx *store.Tx) error {
		_, err := tx.AddVisit(p.ctx, p.rep2.ID, store.Visit{CustomerID: p.cust2, On: "2026-09-01", Kind: "visit", Notes: "初次拜访"})
		return err
	}))
	for range 2 { // a second start moves nothing more
		if _, err := New(p.ctx, p.st); err != nil {
			t.Fatal(err)
		}
	}
	vs, err = p.e.Desk(p.clerk).Visits(p.ctx, VisitFilter{})
	p.must(err)
	if len(vs) != 2 || vs[1].OwnerID != p.rep2.ID || vs[1].Review.Achieved != "初次拜访" {
		t.Errorf("after a start the visits are %+v", vs)
	}
}
