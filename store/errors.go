package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors a caller can tell apart and explain to a user.
var (
	ErrNotDatabase  = errors.New("the file is not an orderdesk database")
	ErrTooNew       = errors.New("the database was written by a newer orderdesk")
	ErrReadOnly     = errors.New("the database file is read-only")
	ErrBusy         = errors.New("the database is locked by another writer")
	ErrCannotOpen   = errors.New("the database file cannot be opened")
	ErrCannotCreate = errors.New("the database folder cannot be created")
	ErrNotFound     = errors.New("not found")
	ErrDuplicate    = errors.New("already exists")
	// ErrNotUTF8 is text PostgreSQL refuses because its bytes are not
	// UTF-8 (a SQLite file keeps them as they are): nothing is saved.
	ErrNotUTF8 = errors.New("the text is not valid UTF-8")
	// ErrNeedsUpgrade is a file written by an older orderdesk opened
	// read-only (OpenReadOnly): upgrading it would write.
	ErrNeedsUpgrade = errors.New("the database was written by an older orderdesk and cannot be upgraded while opened read-only")
)

// RuleError is a refusal raised by a trigger: the database itself said no.
// Code is the text after "orderdesk:" in RAISE(ABORT, ...).
type RuleError struct{ Code string }

func (e *RuleError) Error() string { return "refused by the database: " + e.Code }

// ConflictError says a save lost a race: someone else changed the record
// since it was read. Fields names what they changed.
type ConflictError struct {
	What   string
	Fields []string
	By     string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s was changed by %s meanwhile (%s)", e.What, e.By, strings.Join(e.Fields, ", "))
}

// classify turns driver errors into the typed errors above.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var re *RuleError
	var ce *ConflictError
	if errors.As(err, &re) || errors.As(err, &ce) || errors.Is(err, context.Canceled) {
		return err
	}
	for _, known := range []error{ErrNotDatabase, ErrTooNew, ErrNeedsUpgrade, ErrReadOnly, ErrBusy, ErrNotFound, ErrDuplicate, ErrCannotOpen, ErrCannotCreate,
		ErrDiskFull, ErrFolderDenied, ErrBenchDB, ErrNotUTF8} {
		if errors.Is(err, known) {
			return err
		}
	}
	if pgErr := classifyPostgres(err); pgErr != nil {
		return pgErr
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		if rule := ruleRefusal(se.Error(), err); rule != nil {
			return rule
		}
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%w: %v", ErrBusy, err)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
			if se.Code()&0xff == sqlite3.SQLITE_CANTOPEN {
				return fmt.Errorf("%w: %v", ErrCannotOpen, err)
			}
			return fmt.Errorf("%w: %v", ErrReadOnly, err)
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("%w: %v", ErrDiskFull, err)
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return fmt.Errorf("%w: %v", ErrNotDatabase, err)
		case sqlite3.SQLITE_CONSTRAINT:
			if se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY {
				return fmt.Errorf("%w: %v", ErrDuplicate, err)
			}
		}
	}
	return err
}

// ruleRefusal is the refusal a trigger raised with RAISE(ABORT,
// 'orderdesk:code') (or RAISE EXCEPTION on PostgreSQL), nil for any
// other message.
func ruleRefusal(msg string, err error) error {
	i := strings.Index(msg, "orderdesk:")
	if i < 0 {
		return nil
	}
	code := msg[i+len("orderdesk:"):]
	if j := strings.IndexAny(code, " )\n"); j >= 0 {
		code = code[:j]
	}
	if code == "duplicate" { // raised where REPLACE would delete a row
		return fmt.Errorf("%w: %v", ErrDuplicate, err)
	}
	return &RuleError{Code: code}
}
