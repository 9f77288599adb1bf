package workflow

import (
	"slices"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// secondServer opens another engine on o's PostgreSQL database, as a
// second office's server would, on o's clock and in its time zone.
func (o *ofix) secondServer(t *testing.T) *Engine {
	t.Helper()
	st, err := store.OpenURL(o.ctx, o.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.Now = func() time.Time { return o.st.Now() }
	e, err := New(o.ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	e.SetLocation(o.e.loc)
	return e
}

// Two servers on one PostgreSQL database save, submit and sign off
// orders at once, each signed off at the other server: every series
// still runs 1, 2, 3 … with no gap and no repeat.
func TestOrderNumbersOnTwoServers(t *testing.T) {
	o := buildOrders(t, storetest.Postgres(t))
	t.Cleanup(func() { o.st.Close() })
	other := o.secondServer(t)
	orderAtOnce(t, o, func(w int) *Engine {
		if w%2 == 0 {
			return o.e
		}
		return other
	})
}

// Two notes of a customer on monthly terms, each within its credit limit
// alone and over it together, signed off at the same instant at two
// servers by the same supervisor: one is released, the other held for
// finance, whichever server wins.
func TestCreditLimitHoldsAcrossTwoServers(t *testing.T) {
	s := buildShipping(t, storetest.Postgres(t))
	t.Cleanup(func() { s.st.Close() })
	other := s.secondServer(t)
	order := s.signedOrder(s.monthly, plateLine, plateLine)
	var notes [2]int64
	for i, qtys := range [][]string{{"25.35", "0"}, {"0", "25.35"}} {
		id, err := s.draft(s.clerk, order, qtys...)
		s.must(err)
		s.must(s.e.Desk(s.clerk).SubmitDelivery(s.ctx, id, 0))
		notes[i] = id
	}
	start := make(chan struct{})
	errs := make(chan error, 2)
	for i, e := range []*Engine{s.e, other} {
		go func() {
			<-start
			errs <- e.Desk(s.boss).Act(s.ctx, notes[i], ActionApprove, "")
		}()
	}
	close(start)
	for range 2 {
		s.must(<-errs)
	}
	got := []string{s.status(notes[0]), s.status(notes[1])}
	slices.Sort(got)
	if !slices.Equal(got, []string{"approved", "released"}) {
		t.Fatalf("notes after signing off at two servers at once: %v, want one released and one held (approved)", got)
	}
}

// The same person signed in at two servers is one person for the
// two-person rule: what they submitted at one they cannot sign off at
// the other.
func TestMakerCannotSignOffAtTheOtherServer(t *testing.T) {
	o := buildOrders(t, storetest.Postgres(t))
	t.Cleanup(func() { o.st.Close() })
	other := o.secondServer(t)
	id := o.order(o.adminBoss, o.shenyang)
	o.must(o.e.Desk(o.adminBoss).SubmitOrder(o.ctx, id, 0))
	refused(t, other.Desk(o.adminBoss).Act(o.ctx, id, ActionApprove, ""), MakerCannotSignOff)
	o.must(other.Desk(o.boss).Act(o.ctx, id, ActionApprove, ""))
}
