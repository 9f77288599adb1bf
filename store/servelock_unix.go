//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
)

// tryLock takes an exclusive flock on f without waiting; held reports
// that another open file holds it.
func tryLock(f *os.File) (held bool, err error) {
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true, nil
	}
	return false, err
}

// walDMSByte is where in NAME-shm every SQLite connection to a WAL
// database holds a read lock for as long as it is open (UNIX_SHM_DMS in
// SQLite's os_unix.c: the lock area at 120, after its 8 lock bytes).
const walDMSByte = 128

// openElsewhere reports whether another process has the database at
// dbPath open: SQLite's own lock on the shared-memory file is held.
// Only another process's lock shows, and the file is opened only when
// this process has no connection of its own to it (closing it would
// drop that connection's locks).
func openElsewhere(dbPath string) bool {
	f, err := os.OpenFile(dbPath+"-shm", os.O_RDWR, 0)
	if err != nil {
		return false // no shared memory: nobody has it open in WAL mode
	}
	defer f.Close()
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: 0, Start: walDMSByte, Len: 1}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lk); err != nil {
		return true
	}
	lk.Type = syscall.F_UNLCK
	syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lk)
	return false
}
