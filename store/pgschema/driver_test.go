package pgschema_test

import (
	"context"
	"database/sql"
	"testing"

	"orderdesk/store/pgschema"
)

// TestStatementsArePreparedAndTakeFlags: the driver prepares each
// statement once per connection (PostgreSQL plans it once, not at every
// run), and a flag sent as the 0 or 1 the schema holds, or as a Go
// bool, is taken where PostgreSQL infers a truth value.
func TestStatementsArePreparedAndTakeFlags(t *testing.T) {
	ctx := context.Background()
	url, err := server(t).CreateDatabase(ctx, "prepared")
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open(pgschema.DriverName, pgschema.DSN(url))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, c := range []struct {
		flag any
		want string
	}{{true, "yes"}, {false, "no"}, {int64(1), "yes"}, {int64(0), "no"}, {1, "yes"}} {
		var got string
		if err := conn.QueryRowContext(ctx, `SELECT CASE WHEN ? THEN 'yes' ELSE 'no' END AS answer`, c.flag).Scan(&got); err != nil || got != c.want {
			t.Errorf("flag %#v: %q, %v; want %q", c.flag, got, err, c.want)
		}
	}
	var prepared int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%END AS answer' `).Scan(&prepared); err != nil {
		t.Fatal(err)
	}
	if prepared != 1 {
		t.Fatalf("the statement run five times is prepared %d times on its connection, want once", prepared)
	}
}
