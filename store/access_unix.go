//go:build unix

package store

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"
)

// canWrite reports whether this process may write path, without opening
// it: closing any descriptor of a database file drops the locks SQLite
// holds on it in this process.
func canWrite(path string) error { return syscall.Access(path, 2 /* W_OK */) }

// canEnter reports whether this process may pass through the folder dir.
func canEnter(dir string) error { return syscall.Access(dir, 1 /* X_OK */) }

// mountPoint is the mount point of the volume holding dir: the highest
// folder above it on the same device.
func mountPoint(dir string) string {
	var st syscall.Stat_t
	if syscall.Stat(dir, &st) != nil {
		return dir
	}
	for p := dir; p != filepath.Dir(p); {
		up := filepath.Dir(p)
		var su syscall.Stat_t
		if syscall.Stat(up, &su) != nil || su.Dev != st.Dev {
			return p
		}
		p = up
	}
	return "/"
}

// writeDenied tells canWrite's "no" for this file (its mode, a folder on
// the way, a read-only volume) from a path that is not there at all.
func writeDenied(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}
