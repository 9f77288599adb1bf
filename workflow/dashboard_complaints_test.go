package workflow

import (
	"testing"
	"time"
)

// The dashboard counts the complaints still being worked and those
// flagged for want of an action, as the Complaints screen ages them; a
// rep counts only their own customers'; a closed complaint leaves it.
func TestDashboardCountsComplaints(t *testing.T) {
	c := newComplaints(t)
	c.must(c.e.SetAfterSalesRules(c.ctx, AfterSalesRules{FlagAfter: 2, FollowAfterDelivery: 7, FollowAfterResolution: 3}))
	id := c.record(c.clerk, "quality")
	otherRep := c.rep // a rep whose customer it is not
	if c.complaint(id).RepID == c.rep.ID {
		otherRep = c.rep2
	}
	start := c.now
	counts := func(day int) (open, flagged, reps int) {
		t.Helper()
		c.at(start.Add(time.Duration(day) * 24 * time.Hour))
		v, err := c.e.Desk(c.boss).Dashboard(c.ctx, c.now)
		c.must(err)
		if !v.Complaints {
			t.Fatal("the supervisor does not see complaints on the dashboard")
		}
		r, err := c.e.Desk(otherRep).Dashboard(c.ctx, c.now)
		c.must(err)
		return v.OpenComplaints, v.FlaggedComplaints, r.OpenComplaints
	}
	for _, tc := range []struct{ day, open, flagged int }{{0, 1, 0}, {3, 1, 1}} {
		open, flagged, reps := counts(tc.day)
		if open != tc.open || flagged != tc.flagged || reps != 0 {
			t.Errorf("day %d: open %d flagged %d, another rep's %d; want %d %d 0", tc.day, open, flagged, reps, tc.open, tc.flagged)
		}
	}
	c.must(c.e.Desk(c.planner).RecordComplaintAction(c.ctx, id, "安排质检"))
	if open, flagged, _ := counts(3); open != 1 || flagged != 0 {
		t.Errorf("after an action: open %d flagged %d, want 1 0", open, flagged)
	}
	if DashPartsOf("complaint")&DashPipeline == 0 {
		t.Error("a complaint's change does not read the complaints again")
	}
}
