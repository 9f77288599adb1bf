package main

import (
	"os"
	"testing"

	"orderdesk/store/storetest"
)

// TestMain stops the PostgreSQL server a test may have started.
func TestMain(m *testing.M) {
	code := m.Run()
	storetest.StopPostgres()
	os.Exit(code)
}
