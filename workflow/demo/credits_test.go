package demo

import (
	"context"
	"testing"

	"orderdesk/store"
)

// The demo's credits: one issued (it settled its invoice), one waiting
// for finance, one waiting for the check.
func TestDemoCredits(t *testing.T) {
	t.Parallel()
	o := options(30, 20, 1)
	o.Credits = 3
	eng := openEngine(t, t.TempDir()+"/credits.db")
	sum, err := Generate(context.Background(), eng, o)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Credits != 3 {
		t.Fatalf("%d credits", sum.Credits)
	}
	var cs []store.Credit
	err = eng.Store().Read(context.Background(), func(tx *store.Tx) (err error) {
		cs, err = tx.Credits(context.Background(), store.CreditFilter{})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]int{}
	for _, c := range cs {
		states[c.Status]++
		if c.Status == "issued" && (c.CreditNo == "" || c.Allocated == 0) {
			t.Errorf("issued credit %+v", c)
		}
	}
	if states["issued"] != 1 || states["checked"] != 1 || states["submitted"] != 1 {
		t.Fatalf("credits by state %v", states)
	}
}
