package store_test

import (
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"orderdesk/store"
)

// Reads side by side see one history: a customer filed after the first
// read's snapshot began and before the second's is seen by both or by
// neither, as in one transaction. On a file the first try sees the
// write come between the two and reads both again; on PostgreSQL they
// run in one snapshot, which the write made meanwhile does not reach.
func TestReadsSideBySideSeeOneHistory(t *testing.T) {
	v := newEnv(t)
	at := v.clock
	v.st.Now = func() time.Time { return at } // the env's ticking clock is for one goroutine
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

// A stage is told as soon as its reads are in, before the next stage's
// end; a write coming between the stages reads them all again, the
// first stage told again, so that what each stage finally read is of
// one history. On PostgreSQL the stages run in one snapshot, each told
// once.
func TestReadInStagesTellsEachStageOnItsWay(t *testing.T) {
	v := newEnv(t)
	at := v.clock
	v.st.Now = func() time.Time { return at } // the env's ticking clock is for one goroutine
	count := func(tx *store.Tx, n *int) error {
		rows, err := tx.Customers(v.ctx, store.Page{Limit: 500})
		*n = len(rows)
		return err
	}
	began, written, firstTold := make(chan struct{}), make(chan struct{}), make(chan struct{})
	var once, toldOnce sync.Once
	var writeErr error
	go func() {
		<-began
		_, _, writeErr = v.e.Desk(v.clerk).CreateCustomer(v.ctx, workflowInput("营口港新钢材有限公司"))
		close(written)
	}()
	var first, second int
	var tellings []int
	var early bool
	err := v.st.ReadInStages(v.ctx, func(stage int) {
		tellings = append(tellings, stage)
		if stage == 0 {
			toldOnce.Do(func() { close(firstTold) })
		}
	}, []func(*store.Tx) error{func(tx *store.Tx) error {
		err := count(tx, &first) // the snapshot begins here
		once.Do(func() { close(began) })
		<-written
		return err
	}}, []func(*store.Tx) error{func(tx *store.Tx) error {
		<-written
		select {
		case <-firstTold:
			early = true
		case <-time.After(5 * time.Second):
		}
		return count(tx, &second)
	}})
	v.must(err)
	v.must(writeErr)
	if !early {
		t.Error("the first stage was not told before the second ended")
	}
	if first != second {
		t.Errorf("the first stage read %d customers, the second %d", first, second)
	}
	want := []int{0, 0, 1} // the write came between: read again, told again
	if envsOnPostgres() {
		want = []int{0, 1}
	}
	if !slices.Equal(tellings, want) {
		t.Errorf("told %v, want %v", tellings, want)
	}
}
