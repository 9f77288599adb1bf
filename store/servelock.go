package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrInUse says an orderdesk server holds the database: it cannot be
// replaced under it.
var ErrInUse = errors.New("the database is in use by a running orderdesk server")

// ServeLock is held by the office server for as long as it serves a
// database, and by a restore while it replaces one: a lock file beside
// the database (NAME.lock) locked with flock. The operating system drops
// the lock when its process ends, crashed or not, so a lock file left
// behind is taken over by the next server; only a held lock refuses.
type ServeLock struct {
	f *os.File
}

// InUseError is ErrInUse naming the process that holds the lock (PID 0
// when it cannot be told). Open says no server holds it, but another
// process has the database open (a desk, a command).
type InUseError struct {
	PID  int
	Open bool
}

func (e *InUseError) Error() string {
	switch {
	case e.Open:
		return "the database is open in another process"
	case e.PID == 0:
		return ErrInUse.Error()
	}
	return fmt.Sprintf("%v (process %d)", ErrInUse, e.PID)
}

// Is makes errors.Is(err, ErrInUse) hold.
func (e *InUseError) Is(target error) bool { return target == ErrInUse }

// LockPath is the lock file of the database at dbPath.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// LockServe takes the database's lock, or returns an InUseError (which
// is ErrInUse) when another process holds it.
func LockServe(dbPath string) (*ServeLock, error) {
	if err := ensureFolder(filepath.Dir(dbPath)); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(LockPath(dbPath), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCannotOpen, err)
	}
	held, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%w: %v", ErrCannotOpen, err)
	}
	if held {
		pid := readPID(f)
		f.Close()
		return nil, &InUseError{PID: pid}
	}
	// Who holds it, for the refusal another process prints.
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return &ServeLock{f: f}, nil
}

// Release gives the lock up. The file stays: removing it could race a
// process that has just opened it.
func (l *ServeLock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	l.f.Truncate(0)
	err := l.f.Close() // closing drops the flock
	l.f = nil
	return err
}

func readPID(f *os.File) int {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	return pid
}
