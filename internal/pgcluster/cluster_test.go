package pgcluster

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestAClusterStartsAnswersAndGoes(t *testing.T) {
	ctx := context.Background()
	c, err := Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, c.URL("postgres", ""))
	if err != nil {
		t.Fatalf("connect: %v\n%s", err, c.Log())
	}
	var answer int
	if err := conn.QueryRow(ctx, "SELECT 40 + 2").Scan(&answer); err != nil || answer != 42 {
		t.Fatalf("SELECT 40 + 2 = %d, %v", answer, err)
	}
	var tcp string
	if err := conn.QueryRow(ctx, "SHOW listen_addresses").Scan(&tcp); err != nil || tcp != "" {
		t.Errorf("listen_addresses = %q, %v; want none (Unix socket only)", tcp, err)
	}
	conn.Close(ctx)
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(c.Dir, "data")); !os.IsNotExist(err) {
		t.Errorf("cluster folder still there after Stop: %v", err)
	}
	if _, err := pgx.Connect(ctx, c.URL("postgres", "")); err == nil {
		t.Error("the server still answers after Stop")
	}
}

// A copy made by CopyDatabase holds what its template held, and the two
// go their own ways after.
func TestACopyHoldsItsTemplatesRows(t *testing.T) {
	ctx := context.Background()
	c, err := Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	from, err := c.CreateDatabase(ctx, "fixture")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "CREATE TABLE t(n int); INSERT INTO t VALUES (42)"); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx) // a template is copied with no one connected
	copied, err := c.CopyDatabase(ctx, "copy1", "fixture")
	if err != nil {
		t.Fatal(err)
	}
	conn, err = pgx.Connect(ctx, copied)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if _, err := conn.Exec(ctx, "UPDATE t SET n = n + 1"); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, "SELECT n FROM t").Scan(&n); err != nil || n != 43 {
		t.Fatalf("the copy holds %d, %v; want 43", n, err)
	}
	again, err := c.CopyDatabase(ctx, "copy2", "fixture")
	if err != nil {
		t.Fatal(err)
	}
	conn2, err := pgx.Connect(ctx, again)
	if err != nil {
		t.Fatal(err)
	}
	defer conn2.Close(ctx)
	if err := conn2.QueryRow(ctx, "SELECT n FROM t").Scan(&n); err != nil || n != 42 {
		t.Fatalf("a second copy holds %d, %v; want the template's 42", n, err)
	}
}
