package storetest

import (
	"context"
	"fmt"
	"net/url"
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
	return dropAtEnd(tb, ownerURL), deskURL
}

// AsSuperuser is the URL of the same database as url, connecting as the
// test server's superuser: what a person with the server's own account
// could do, past every role's grants.
func AsSuperuser(tb testing.TB, dbURL string) string {
	tb.Helper()
	u, err := url.Parse(dbURL)
	if err != nil || pg.cluster == nil {
		tb.Fatalf("not a test server's database: %v", err)
	}
	u.User = url.User(pg.cluster.User)
	return u.String()
}
