package store_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"orderdesk/store"
)

// TestReadsShareStatements: reads from many sessions at once go through
// the store's cached statements (one text compiled once per connection)
// and each still sees its own answer; a statement that cannot be
// prepared still reports its error.
func TestReadsShareStatements(t *testing.T) {
	v := newEnv(t)
	for i := 0; i < 20; i++ {
		if _, _, err := v.e.Desk(v.clerk).CreateCustomer(v.ctx, workflowInput(fmt.Sprintf("营口钢材%02d", i))); err != nil {
			t.Fatal(err)
		}
	}
	at := v.st.Now()
	v.st.Now = func() time.Time { return at } // the env's ticking clock is for one goroutine
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				want := fmt.Sprintf("营口钢材%02d", (g+i)%20)
				err := v.st.Read(v.ctx, func(tx *store.Tx) error {
					rows, err := tx.Customers(v.ctx, store.Page{Query: want, Limit: 5})
					if err != nil {
						return err
					}
					if len(rows) != 1 || rows[0].Name != want {
						return fmt.Errorf("%s found %+v", want, rows)
					}
					return nil
				})
				if err != nil {
					errs <- err
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	err := v.st.Read(v.ctx, func(tx *store.Tx) error {
		_, err := tx.Customer(v.ctx, 999999)
		return err
	})
	if err != store.ErrNotFound {
		t.Fatalf("a missing customer: %v", err)
	}
}
