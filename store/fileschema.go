package store

import (
	"database/sql"
	"encoding/binary"
	"fmt"
	"io"
	"os"
)

// FileSchema reads the schema version of the database file at path
// without opening it as orderdesk does (which would upgrade it): 0 for
// an empty file, an error wrapping os.ErrNotExist when there is none,
// ErrNotDatabase for a file that is not SQLite. The version is in the
// file's header (PRAGMA user_version); while a write-ahead log holds
// changes not yet copied into the file, SQLite reads it read-only.
func FileSchema(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0:
		return 0, nil // an empty file becomes a new database
	case err != nil || string(head[:16]) != "SQLite format 3\x00":
		return 0, ErrNotDatabase
	}
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		return walSchema(path)
	}
	return int(binary.BigEndian.Uint32(head[60:64])), nil
}

// walSchema asks SQLite, read-only, for the version of a file whose log
// may hold a newer one than its header.
func walSchema(path string) (int, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return 0, classify(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrCannotOpen, err)
	}
	return v, nil
}
