//go:build unix

package store

import "syscall"

// canWrite reports whether this process may write path, without opening
// it: closing any descriptor of a database file drops the locks SQLite
// holds on it in this process.
func canWrite(path string) error { return syscall.Access(path, 2 /* W_OK */) }
