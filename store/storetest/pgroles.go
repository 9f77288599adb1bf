package storetest

import (
	"context"
	"fmt"
	"testing"
)

// PostgresRoles returns the URLs of a new, empty database on the test
// binary's private server (Postgres) owned by a role of its own, and of a
// second role that owns nothing, for the desk: nothing is granted to it
// yet (store.SetupPostgres does).
func PostgresRoles(tb testing.TB) (ownerURL, deskURL string) {
	tb.Helper()
	Postgres(tb) // starts the server; its database stays unused
	n := pg.made.Add(1)
	ownerURL, deskURL, err := pg.cluster.CreateOwnedDatabase(context.Background(),
		fmt.Sprintf("roles%d", n), fmt.Sprintf("owner%d", n), fmt.Sprintf("desk%d", n))
	if err != nil {
		tb.Fatal(err)
	}
	return ownerURL, deskURL
}
