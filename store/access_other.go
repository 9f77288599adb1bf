//go:build !unix

package store

// canWrite is left to SQLite where access(2) does not exist.
func canWrite(string) error { return nil }

func canEnter(string) error { return nil }

func mountPoint(dir string) string { return dir }

func writeDenied(error) bool { return false }
