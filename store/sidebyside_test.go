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
	w := newWriteBetween(t, "鞍山新材料有限公司")
	var tries atomic.Int32
	var first, second int
	err := w.v.st.ReadSideBySide(w.v.ctx, func(tx *store.Tx) error {
		tries.Add(1)
		return w.first(tx, &first)
	}, func(tx *store.Tx) error {
		<-w.written
		return w.count(tx, &second)
	})
	w.v.must(err)
	w.v.must(w.err)
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
	w := newWriteBetween(t, "营口港新钢材有限公司")
	firstTold := make(chan struct{})
	var toldOnce sync.Once
	var first, second int
	var tellings []int
	var early bool
	err := w.v.st.ReadInStages(w.v.ctx, func(stage int) {
		tellings = append(tellings, stage)
		if stage == 0 {
			toldOnce.Do(func() { close(firstTold) })
		}
	}, []func(*store.Tx) error{func(tx *store.Tx) error {
		return w.first(tx, &first)
	}}, []func(*store.Tx) error{func(tx *store.Tx) error {
		<-w.written
		select {
		case <-firstTold:
			early = true
		case <-time.After(5 * time.Second):
		}
		return w.count(tx, &second)
	}})
	w.v.must(err)
	w.v.must(w.err)
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

// writeBetween files a customer while a first read's snapshot is open:
// the first read begins, the write is made, and only then does the first
// read end (written closes once it is made; err is its error).
type writeBetween struct {
	v              *env
	began, written chan struct{}
	once           sync.Once
	err            error
}

func newWriteBetween(t *testing.T, name string) *writeBetween {
	v := newEnv(t)
	at := v.clock
	v.st.Now = func() time.Time { return at } // the env's ticking clock is for one goroutine
	w := &writeBetween{v: v, began: make(chan struct{}), written: make(chan struct{})}
	go func() {
		<-w.began
		_, _, w.err = v.e.Desk(v.clerk).CreateCustomer(v.ctx, workflowInput(name))
		close(w.written)
	}()
	return w
}

// count reads how many customers tx sees.
func (w *writeBetween) count(tx *store.Tx, n *int) error {
	rows, err := tx.Customers(w.v.ctx, store.Page{Limit: 500})
	*n = len(rows)
	return err
}

// first is the first read: it counts (its snapshot begins there), lets
// the write be made, and ends once it is.
func (w *writeBetween) first(tx *store.Tx, n *int) error {
	err := w.count(tx, n)
	w.once.Do(func() { close(w.began) })
	<-w.written
	return err
}
