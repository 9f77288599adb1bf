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
	return s.ReadInStages(ctx, nil, fns)
}

// ReadInStages is ReadSideBySide of the stages' reads together, told
// (done, from 0) of each stage as soon as its reads and those of the
// stages before it are in and saw one history, so that a caller may show
// what they read while the rest is read. The reads start in the stages'
// order, as many at once as there are cores, so a core a stage leaves
// takes the next stage's read at once. When a write came between the
// reads they are all read again, and a stage may be told again; the last
// telling of each is of the history every stage saw.
func (s *Store) ReadInStages(ctx context.Context, done func(stage int), stages ...[]func(*Tx) error) error {
	shown := done != nil
	if !shown {
		done = func(int) {}
	}
	var fns []func(*Tx) error
	var ends []int // ends[k]: the reads of stages up to k
	for _, st := range stages {
		fns = append(fns, st...)
		ends = append(ends, len(fns))
	}
	if !s.pg && len(fns) > 1 {
		for range sideBySideTries {
			same, err := s.readApart(ctx, fns, ends, done, shown)
			if err != nil || same {
				return err
			}
		}
	}
	return s.Read(ctx, func(t *Tx) error {
		for k, st := range stages {
			for _, fn := range st {
				if err := fn(t); err != nil {
					return err
				}
			}
			done(k)
		}
		return nil
	})
}

// readApart runs fns side by side, tells each stage (ends as in
// ReadInStages) once its reads and those before are in with the first
// read's last audit record, and says whether every read saw that one.
// Once the first stage is told to a caller who shows it (shown), the
// reads left keep a core free for the showing.
func (s *Store) readApart(ctx context.Context, fns []func(*Tx) error, ends []int, done func(int), shown bool) (same bool, err error) {
	marks := make([]int64, len(fns))
	errs := make([]error, len(fns))
	in := make([]bool, len(fns))
	// No more at once than there are cores to run them: each more would
	// only wait for a core on a connection of its own, and a connection
	// holds the whole schema (5.4 MB) while it is kept.
	cores := make(chan struct{}, runtime.GOMAXPROCS(0))
	var mu sync.Mutex // in, and the stages told
	told := 0
	tell := func() {
		mu.Lock()
		defer mu.Unlock()
		for told < len(ends) {
			for i := range ends[told] {
				if !in[i] || errs[i] != nil || marks[i] != marks[0] {
					return
				}
			}
			done(told)
			told++
			if told == 1 && shown && len(ends) > 1 && cap(cores) > 1 {
				// The first stage is shown while the rest is read: a
				// core is left to the showing, taken as soon as a read
				// leaves it and never given back.
				go func() { cores <- struct{}{} }()
			}
		}
	}
	var wg sync.WaitGroup
	for i, fn := range fns {
		cores <- struct{}{}
		wg.Go(func() {
			defer func() { <-cores }()
			err := s.Read(ctx, func(t *Tx) (err error) {
				if err := fn(t); err != nil {
					return err
				}
				// The snapshot started at fn's first read: the mark
				// read last is what every read of fn saw.
				mark, err := s.auditFloor(ctx, t)
				mu.Lock()
				marks[i] = mark
				mu.Unlock()
				return err
			})
			mu.Lock()
			errs[i], in[i] = err, true
			mu.Unlock()
			tell()
		})
	}
	wg.Wait()
	for i := range fns {
		if errs[i] != nil {
			return false, errs[i]
		}
	}
	return told == len(ends), nil
}
