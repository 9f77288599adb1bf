package store

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5/pgconn"
)

// CheckPostgresURL says what is wrong with a PostgreSQL URL, nil when it
// names a server, a database and a role.
func CheckPostgresURL(s string) error {
	if !IsPostgresURL(s) {
		return errors.New("it must begin with postgres:// or postgresql://")
	}
	if _, err := url.Parse(s); err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			return ue.Err // url.Error's own text repeats the URL, password and all
		}
		return err
	}
	cfg, err := pgconn.ParseConfig(s)
	if err != nil {
		return err // pgconn masks the password
	}
	if cfg.Database == "" {
		return errors.New("it names no database (postgres://role@host/DATABASE)")
	}
	return nil
}

// PostgresRole is the role a PostgreSQL URL connects as.
func PostgresRole(s string) (string, error) {
	cfg, err := pgconn.ParseConfig(s)
	if err != nil {
		return "", CheckPostgresURL(s)
	}
	return cfg.User, nil
}

// PostgresDatabase is the database a PostgreSQL URL names.
func PostgresDatabase(s string) string {
	cfg, err := pgconn.ParseConfig(s)
	if err != nil {
		return ""
	}
	return cfg.Database
}

// RedactURL is a database setting as it may be shown: a URL without its
// password; a file's path as it is.
func RedactURL(s string) string {
	if !IsPostgresURL(s) {
		return s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "postgres://…"
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// postgresTag names the database a URL reaches, whoever connects and
// however the URL is written: the audit checkpoints' lines of one
// database carry it (pathTag), as a file's carry its path.
func postgresTag(s string) string {
	cfg, err := pgconn.ParseConfig(s)
	if err != nil {
		return RedactURL(s)
	}
	return fmt.Sprintf("postgres://%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
}

// SameDatabase says whether two PostgreSQL URLs reach the same database,
// whichever roles they connect as.
func SameDatabase(a, b string) bool { return postgresTag(a) == postgresTag(b) }
