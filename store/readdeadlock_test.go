package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"orderdesk/store"
)

// TestReadsNeverWaitForEachOther: as many readers as the pool has
// connections, each inside its read and each asking a query text never
// seen before, all finish at once. Preparing a new text on the pool
// while holding one of its connections waited for a free one, and eight
// readers doing so at once waited for ever: the context's end is what
// fails them then, not a stopwatch (a busy machine is slow, not stuck).
func TestReadsNeverWaitForEachOther(t *testing.T) {
	v := newEnv(t)
	at := v.st.Now()
	v.st.Now = func() time.Time { return at } // the env's ticking clock is for one goroutine
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	const readers, pool = 12, 8
	var inside sync.WaitGroup
	inside.Add(pool)
	var wg sync.WaitGroup
	errs := make(chan error, readers)
	for g := 0; g < readers; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			errs <- v.st.Read(ctx, func(tx *store.Tx) error {
				if g < pool {
					inside.Done()
					inside.Wait() // every connection of the pool is held
				}
				statuses := strings.Split(strings.Repeat("draft,", g+1), ",")[:g+1] // a text of its own
				_, err := tx.Quotes(ctx, store.DocFilter{Statuses: statuses}, store.Page{Limit: 5})
				return err
			})
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("readers waited for each other: %v", err)
		}
	}
}
