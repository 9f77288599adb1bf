package store

import (
	"errors"
	"fmt"
	"path/filepath"
)

// ErrDiskFull: the volume holding the database has no room left
// (SQLITE_FULL, "database or disk is full"). The transaction was rolled
// back: nothing was saved.
var ErrDiskFull = errors.New("the disk holding the database is full")

// DiskFullError names where room is needed: the database's folder and
// the mount point of the volume it is on.
type DiskFullError struct {
	Folder string
	Volume string
	Err    error
}

func (e *DiskFullError) Error() string {
	return fmt.Sprintf("%v: free space on %s (the volume holding %s)", ErrDiskFull, e.Volume, e.Folder)
}

func (e *DiskFullError) Unwrap() error { return ErrDiskFull }

// explain names the folder and volume of a full disk.
func (s *Store) explain(err error) error {
	var full *DiskFullError
	if err == nil || !errors.Is(err, ErrDiskFull) || errors.As(err, &full) {
		return err
	}
	folder, _ := filepath.Abs(filepath.Dir(s.path))
	return &DiskFullError{Folder: folder, Volume: mountPoint(folder), Err: err}
}
