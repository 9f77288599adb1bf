package store

import (
	"context"
	"runtime"
	"sync"
)

// sideBySideTries is how often ReadSideBySide reads again when a write
// came between its transactions' starts, before it reads one after
// another in one transaction instead.
const sideBySideTries = 3

// ReadSideBySide runs each fn in a read-only snapshot of its own, at the
// same time on as many connections, so that a read of several parts
// takes the time of its longest part on a machine with the cores for
// them. Every fn sees the same history of documents and files: the
// audit log's last record (every change to them writes one; a draft
// kept while typing does not) is the same in each snapshot, and when a
// write came between their starts they are all run again. A fn must
// therefore only fill in what it is to return, each run afresh.
//
// On PostgreSQL, whose snapshots of concurrent writers do not follow the
// audit log's order, and after sideBySideTries, they run one after
// another in one snapshot, as Read would.
func (s *Store) ReadSideBySide(ctx context.Context, fns ...func(*Tx) error) error {
	if !s.pg && len(fns) > 1 {
		for range sideBySideTries {
			same, err := s.readApart(ctx, fns)
			if err != nil || same {
				return err
			}
		}
	}
	return s.Read(ctx, func(t *Tx) error {
		for _, fn := range fns {
			if err := fn(t); err != nil {
				return err
			}
		}
		return nil
	})
}

// readApart runs fns side by side and says whether each saw the same
// last audit record.
func (s *Store) readApart(ctx context.Context, fns []func(*Tx) error) (same bool, err error) {
	marks := make([]int64, len(fns))
	errs := make([]error, len(fns))
	// No more at once than there are cores to run them: each more would
	// only wait for a core on a connection of its own, and a connection
	// holds the whole schema (5.4 MB) while it is kept.
	cores := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, fn := range fns {
		cores <- struct{}{}
		wg.Go(func() {
			defer func() { <-cores }()
			errs[i] = s.Read(ctx, func(t *Tx) (err error) {
				if err := fn(t); err != nil {
					return err
				}
				// The snapshot started at fn's first read: the mark
				// read last is what every read of fn saw.
				marks[i], err = s.auditFloor(ctx, t)
				return err
			})
		})
	}
	wg.Wait()
	for i := range fns {
		if errs[i] != nil {
			return false, errs[i]
		}
		if marks[i] != marks[0] {
			return false, nil
		}
	}
	return true, nil
}
