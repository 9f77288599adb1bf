package store

import "time"

// SetBusyTimeout shortens the lock wait for a test and returns the undo.
func SetBusyTimeout(d time.Duration) func() {
	old := busyTimeout
	busyTimeout = d
	return func() { busyTimeout = old }
}
