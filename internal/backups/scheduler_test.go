package backups

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"orderdesk/store"
)

// fakeClock moves only when the test says; After reports each wait.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []waiter
	waits   chan time.Duration
}

type waiter struct {
	at time.Time
	ch chan time.Time
}

func newFakeClock(now time.Time) *fakeClock {
	return &fakeClock{now: now, waits: make(chan time.Duration, 10)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	ch := make(chan time.Time, 1)
	c.waiters = append(c.waiters, waiter{c.now.Add(d), ch})
	c.mu.Unlock()
	c.waits <- d
	return ch
}

// advance moves the clock on by d and fires the waits due.
func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if w.at.After(c.now) {
			kept = append(kept, w)
			continue
		}
		w.ch <- c.now
	}
	c.waiters = kept
}

// TestSchedulerReportsFailures: a failed backup is logged, recorded in
// the status file and tried again an hour later; the next good one
// clears it and the one after waits the whole interval.
func TestSchedulerReportsFailures(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	clock := newFakeClock(time.Date(2026, 12, 6, 2, 0, 0, 0, time.Local))
	var logged strings.Builder
	var mu sync.Mutex
	fail := true
	attempts := make(chan Status, 10)
	s := &Scheduler{
		DBPath: db, Naming: NamingFor(filepath.Join(dir, "backups"), db), Every: 24 * time.Hour, KeepDaily: 7, KeepMonthly: 12,
		Clock: clock, Log: slog.New(slog.NewTextHandler(io.MultiWriter(&syncWriter{w: &logged, mu: &mu}), nil)),
		Backup: func(_ context.Context, path string) (store.BackupInfo, error) {
			if fail {
				return store.BackupInfo{}, errors.New("no space left on device")
			}
			return store.BackupInfo{Path: path, Size: 4096, AuditID: 42, AuditHash: "ab12"}, nil
		},
		Attempted: func(st Status) { attempts <- st },
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()

	st := <-attempts // the first at once: no backup was ever taken
	if !st.Failed() || st.Error != "no space left on device" || !st.LastOK.IsZero() {
		t.Fatalf("first attempt %+v", st)
	}
	onDisk, ok, err := ReadStatus(db)
	if err != nil || !ok || !onDisk.Failed() || onDisk.Error != st.Error {
		t.Errorf("status file %+v %v %v", onDisk, ok, err)
	}
	if !s.Last().Failed() {
		t.Error("Last does not show the failure")
	}
	mu.Lock()
	if !strings.Contains(logged.String(), "backup failed") || !strings.Contains(logged.String(), "no space left") {
		t.Errorf("the failure is not logged:\n%s", logged.String())
	}
	mu.Unlock()

	if d := <-clock.waits; d != time.Hour {
		t.Errorf("retry after %s, want an hour", d)
	}
	fail = false // the scheduler waits: nothing reads it meanwhile
	clock.advance(time.Hour)
	st = <-attempts
	if !st.OK || st.AuditID != 42 || st.LastOK != clock.Now() || !strings.HasSuffix(st.File, "desk-backup-20261206-030000.db") {
		t.Errorf("second attempt %+v", st)
	}
	if d := <-clock.waits; d != 24*time.Hour {
		t.Errorf("next after %s, want a day", d)
	}
	cancel()
	<-done
}

// TestSchedulerResumesFromTheStatusFile: a server restarted an hour after
// a good backup waits out the rest of the day.
func TestSchedulerResumesFromTheStatusFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	now := time.Date(2026, 12, 6, 3, 0, 0, 0, time.Local)
	if err := WriteStatus(db, Status{At: now.Add(-time.Hour), OK: true, LastOK: now.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	clock := newFakeClock(now)
	s := &Scheduler{DBPath: db, Naming: NamingFor(dir, db), Every: 24 * time.Hour, Clock: clock, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Backup: func(context.Context, string) (store.BackupInfo, error) {
			t.Error("a backup was taken before it was due")
			return store.BackupInfo{}, nil
		}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	if d := <-clock.waits; d != 23*time.Hour {
		t.Errorf("waits %s, want 23h", d)
	}
	cancel()
	<-done
}

type syncWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
