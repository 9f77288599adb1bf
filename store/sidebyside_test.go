package store_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"orderdesk/store"
)

// Reads side by side see one history: a customer filed after the first
// read's snapshot began and before the second's is seen by both or by
// neither, as in one transaction. On a file the first try sees the
// write come between the two and reads both again; on PostgreSQL they
// run in one snapshot, which the write made meanwhile does not reach.
func TestReadsSideBySideSeeOneHistory(t *testing.T) {
	v := newEnv(t)
	count := func(tx *store.Tx, n *int) error {
		rows, err := tx.Customers(v.ctx, store.Page{Limit: 500})
		*n = len(rows)
		return err
	}
	began, written := make(chan struct{}), make(chan struct{})
	var once sync.Once
	var tries atomic.Int32
	var first, second int
	var writeErr error
	go func() {
		<-began
		_, _, writeErr = v.e.Desk(v.clerk).CreateCustomer(v.ctx, workflowInput("鞍山新材料有限公司"))
		close(written)
	}()
	err := v.st.ReadSideBySide(v.ctx, func(tx *store.Tx) error {
		tries.Add(1)
		err := count(tx, &first) // the snapshot begins here
		once.Do(func() { close(began) })
		<-written
		return err
	}, func(tx *store.Tx) error {
		<-written
		return count(tx, &second)
	})
	v.must(err)
	v.must(writeErr)
	if first != second {
		t.Errorf("one read saw %d customers, the other %d", first, second)
	}
	want := int32(2) // the write came between: read again
	if envsOnPostgres() {
		want = 1
	}
	if got := tries.Load(); got != want {
		t.Errorf("the first read ran %d times, want %d", got, want)
	}
}
