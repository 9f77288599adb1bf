package store

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
)

// classifyPostgres turns PostgreSQL's errors into the store's, nil when
// err is not one.
func classifyPostgres(err error) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return nil
	}
	if rule := ruleRefusal(pe.Message, err); rule != nil {
		return rule
	}
	switch pe.Code {
	case "23505": // unique_violation
		return fmt.Errorf("%w: %v", ErrDuplicate, err)
	case "25006", "42501": // read_only_sql_transaction, insufficient_privilege
		return fmt.Errorf("%w: %v", ErrReadOnly, err)
	case "40001", "40P01", "55P03": // serialization_failure, deadlock_detected, lock_not_available
		return fmt.Errorf("%w: %v", ErrBusy, err)
	case "22021": // character_not_in_repertoire: bytes that are not UTF-8
		return fmt.Errorf("%w: %v", ErrNotUTF8, err)
	case "53100": // disk_full
		return fmt.Errorf("%w: %v", ErrDiskFull, err)
	}
	return err
}
