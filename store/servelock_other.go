//go:build !unix

package store

import "os"

// tryLock: without flock the lock is advisory only on this system.
func tryLock(*os.File) (held bool, err error) { return false, nil }

// openElsewhere cannot tell here.
func openElsewhere(string) bool { return false }
