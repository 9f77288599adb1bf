package pgschema

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// DriverName is the database/sql driver through which the store (and a
// test's raw attacks) speak to PostgreSQL in SQLite's dialect: each text
// is carried over by Query as it runs, and Go's booleans go as the 1 and
// 0 the schema's flags hold, as SQLite's driver sends them. A text made
// with Native is PostgreSQL's own and passes as it is.
const DriverName = "orderdesk-postgres"

func init() { sql.Register(DriverName, Driver{stdlib.GetDefaultDriver()}) }

// nativeMark opens a text that is PostgreSQL's already (Native).
const nativeMark = "/* postgres */\n"

// Native marks sql as PostgreSQL's own: the driver runs it as it is.
func Native(sql string) string { return nativeMark + sql }

// DSN has each statement prepared once per connection and kept
// (pgx's statement cache): PostgreSQL parses and plans it once, where
// sending it as text with its values in it (the simple protocol) had it
// planned again at every run. An argument then takes the type
// PostgreSQL infers from its place; a flag where a truth value is
// inferred is taken by flagBool.
func DSN(target string) string {
	u, err := url.Parse(target)
	if err != nil {
		return target
	}
	q := u.Query()
	q.Set("default_query_exec_mode", "cache_statement")
	u.RawQuery = q.Encode()
	return u.String()
}

// Driver wraps pgx's database/sql driver (see DriverName).
type Driver struct{ base driver.Driver }

func (d Driver) Open(name string) (driver.Conn, error) {
	c, err := d.OpenConnector(name)
	if err != nil {
		return nil, err
	}
	return c.Connect(context.Background())
}

// OpenConnector opens each connection through pgx's connector, which
// lets every connection learn the schema's flags (flagBool).
func (d Driver) OpenConnector(name string) (driver.Connector, error) {
	cfg, err := pgx.ParseConfig(name)
	if err != nil {
		return nil, err
	}
	return connector{stdlib.GetConnector(*cfg, stdlib.OptionAfterConnect(takeFlags)), d}, nil
}

type connector struct {
	base   driver.Connector
	driver Driver
}

func (c connector) Connect(ctx context.Context) (driver.Conn, error) {
	base, err := c.base.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return conn{base}, nil
}

func (c connector) Driver() driver.Driver { return c.driver }

type conn struct{ driver.Conn }

func carried(q string) (string, error) {
	if strings.HasPrefix(q, nativeMark) {
		return q, nil
	}
	return Query(q)
}

func (c conn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	pq, err := carried(q)
	if err != nil {
		return nil, err
	}
	return c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, pq)
}

func (c conn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	pq, err := carried(q)
	if err != nil {
		return nil, err
	}
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, pq, args)
}

func (c conn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	pq, err := carried(q)
	if err != nil {
		return nil, err
	}
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, pq, args)
}

func (c conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

// CheckNamedValue passes booleans as the 1 and 0 the schema's flags hold.
func (c conn) CheckNamedValue(nv *driver.NamedValue) error {
	if b, ok := nv.Value.(bool); ok {
		if nv.Value = int64(0); b {
			nv.Value = int64(1)
		}
		return nil
	}
	return c.Conn.(driver.NamedValueChecker).CheckNamedValue(nv)
}
