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
