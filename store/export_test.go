package store

import "time"

// SetBusyTimeout shortens the lock wait for a test and returns the undo.
func SetBusyTimeout(d time.Duration) func() {
	old := busyTimeout
	busyTimeout = d
	return func() { busyTimeout = old }
}

// WriterDSN is the data source the store's writer opens path with, for
// the benchmarks' bare commit on the same settings.
func WriterDSN(path string) string { return dsn(path, true) }
