package backups

import (
	"context"
	"log/slog"
	"os"
	"sync"
	"time"

	"orderdesk/store"
)

// Clock is the scheduler's time: the machine's, or a test's.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

// SystemClock is the machine's clock.
type SystemClock struct{}

// Now is the local time.
func (SystemClock) Now() time.Time { return time.Now() }

// After is time.After.
func (SystemClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Scheduler takes a backup every Every, rotates the folder and records
// each attempt in the status file. A failure is logged, recorded and
// tried again after RetryAfter; it never stops the server.
type Scheduler struct {
	DBPath      string
	Naming      Naming
	Every       time.Duration
	KeepDaily   int
	KeepMonthly int
	// Backup writes one checked copy (the store's Backup).
	Backup func(ctx context.Context, path string) (store.BackupInfo, error)
	Clock  Clock
	Log    *slog.Logger
	// Explain puts an error in the words the status keeps and admins
	// read; nil keeps err.Error().
	Explain func(error) string
	// Attempted, if set, hears the status of every attempt.
	Attempted func(Status)

	mu   sync.Mutex
	last Status
}

// RetryAfter is how long after a failed backup the next try comes: an
// hour, or Every if that is sooner.
func (s *Scheduler) RetryAfter() time.Duration { return min(s.Every, time.Hour) }

// Last is the status of the last attempt (the status file's at start).
func (s *Scheduler) Last() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// Run takes backups until ctx ends: the first at once unless the status
// file shows one succeeded less than Every ago.
func (s *Scheduler) Run(ctx context.Context) {
	prev, _, err := ReadStatus(s.DBPath)
	if err != nil {
		s.Log.Warn("backup status unreadable; taking a backup now", "file", StatusPath(s.DBPath), "err", err)
	}
	s.mu.Lock()
	s.last = prev
	s.mu.Unlock()
	for {
		if wait := s.untilNext(prev); wait > 0 {
			select {
			case <-ctx.Done():
				return
			case <-s.Clock.After(wait):
			}
		}
		if ctx.Err() != nil {
			return
		}
		prev = s.RunOnce(ctx)
	}
}

// untilNext is how long to wait after the attempt prev.
func (s *Scheduler) untilNext(prev Status) time.Duration {
	now := s.Clock.Now()
	switch {
	case prev.At.IsZero():
		return 0 // never taken
	case !prev.OK:
		return prev.At.Add(s.RetryAfter()).Sub(now)
	}
	return prev.LastOK.Add(s.Every).Sub(now)
}

// RunOnce takes one backup now, rotates the folder after a good one and
// records the outcome.
func (s *Scheduler) RunOnce(ctx context.Context) Status {
	prev := s.Last()
	st := Status{LastOK: prev.LastOK, LastOKFile: prev.LastOKFile}
	path := s.Naming.Path(s.Clock.Now())
	info, err := s.backup(ctx, path)
	st.At = s.Clock.Now()
	if err != nil {
		st.Error = s.explain(err)
		s.Log.Error("backup failed", "file", path, "err", err)
	} else {
		st.OK, st.File, st.Size, st.AuditID, st.Hash = true, info.Path, info.Size, info.AuditID, info.AuditHash
		st.LastOK, st.LastOKFile = st.At, info.Path
		s.Log.Info("backup written", "file", info.Path, "bytes", info.Size, "audit_id", info.AuditID, "took", info.Took)
		removed, err := Rotate(s.Naming, s.KeepDaily, s.KeepMonthly)
		for _, f := range removed {
			s.Log.Info("old backup removed", "file", f)
		}
		if err != nil {
			s.Log.Warn("old backups could not all be removed", "dir", s.Naming.Dir, "err", err)
		}
	}
	if err := WriteStatus(s.DBPath, st); err != nil {
		s.Log.Error("backup status not saved", "file", StatusPath(s.DBPath), "err", err)
	}
	s.mu.Lock()
	s.last = st
	s.mu.Unlock()
	if s.Attempted != nil {
		s.Attempted(st)
	}
	return st
}

func (s *Scheduler) backup(ctx context.Context, path string) (store.BackupInfo, error) {
	if err := os.MkdirAll(s.Naming.Dir, 0o700); err != nil {
		return store.BackupInfo{}, err
	}
	return s.Backup(ctx, path)
}

func (s *Scheduler) explain(err error) string {
	if s.Explain == nil {
		return err.Error()
	}
	return s.Explain(err)
}
