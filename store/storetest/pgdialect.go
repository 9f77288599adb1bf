package storetest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"net/url"

	"github.com/jackc/pgx/v5/stdlib"

	"orderdesk/store/pgschema"
)

// The raw attacks of the store's tests are written in SQLite's dialect.
// On PostgreSQL they go through this driver, which carries each text
// over as the store does, so one attack tests both engines' rules.
func init() { sql.Register(pgDialect, dialectDriver{stdlib.GetDefaultDriver()}) }

const pgDialect = "pgx-sqlite-dialect"

type dialectDriver struct{ base driver.Driver }

func (d dialectDriver) Open(name string) (driver.Conn, error) {
	c, err := d.base.Open(name)
	if err != nil {
		return nil, err
	}
	return dialectConn{c}, nil
}

type dialectConn struct{ driver.Conn }

func carried(q string) string {
	if pq, err := pgschema.Query(q); err == nil {
		return pq
	}
	return q // the server says what it does not understand
}

func (c dialectConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	return c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, carried(q))
}

func (c dialectConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, carried(q), args)
}

func (c dialectConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, carried(q), args)
}

func (c dialectConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

// CheckNamedValue passes booleans as the 1 and 0 the schema's flags hold.
func (c dialectConn) CheckNamedValue(nv *driver.NamedValue) error {
	if b, ok := nv.Value.(bool); ok {
		if nv.Value = int64(0); b {
			nv.Value = int64(1)
		}
		return nil
	}
	return c.Conn.(driver.NamedValueChecker).CheckNamedValue(nv)
}

// rawPostgres opens a PostgreSQL database as a script or psql would,
// speaking SQLite's dialect (see above).
func rawPostgres(target string) (*sql.DB, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	q.Set("default_query_exec_mode", "simple_protocol")
	u.RawQuery = q.Encode()
	return sql.Open(pgDialect, u.String())
}

// IsPostgres says whether db was opened by Raw on a PostgreSQL database.
func IsPostgres(db *sql.DB) bool {
	_, ok := db.Driver().(dialectDriver)
	return ok
}
