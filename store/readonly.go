package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"

	sqlite3 "modernc.org/sqlite/lib"
)

// OpenReadOnly opens an existing database for reading only, whoever runs
// it (root included): lists, printouts, exports, `audit verify` and
// `user list` work; every write is refused with ErrReadOnly and the file
// is never changed. A database whose schema is older than this program's
// is refused with ErrNeedsUpgrade (upgrading it would write). Where SQLite cannot create the
// WAL's shared-memory file beside the database (a read-only folder or
// volume), the file is read as immutable.
func OpenReadOnly(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w: %v", ErrCannotOpen, err)
		}
		return nil, folderOrFile(path, err)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	var last error
	for _, immutable := range []bool{false, true} {
		write, read, err := roPools(path, immutable)
		if err != nil {
			return nil, classify(err)
		}
		if err = read.PingContext(ctx); err == nil {
			err = read.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(new(int))
		}
		if err == nil {
			return start(ctx, path, write, read, true, false, opts)
		}
		write.Close()
		read.Close()
		last = classify(err)
		var se interface{ Code() int }
		if !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_CANTOPEN {
			break
		}
	}
	return nil, last
}

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

func roPools(path string, immutable bool) (write, read *sql.DB, err error) {
	if write, err = sql.Open("sqlite", roDSN(path, immutable)); err != nil {
		return nil, nil, err
	}
	write.SetMaxOpenConns(1)
	if read, err = sql.Open("sqlite", roDSN(path, immutable)); err != nil {
		write.Close()
		return nil, nil, err
	}
	return write, read, nil
}

// roDSN opens the file with mode=ro: SQLite itself refuses every write
// (SQLITE_READONLY, ErrReadOnly), and a transaction begins deferred, so
// one that only reads (the rules check at start-up) goes through.
func roDSN(path string, immutable bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("mode", "ro")
	if immutable {
		q.Set("immutable", "1")
	}
	return "file:" + path + "?" + q.Encode()
}
