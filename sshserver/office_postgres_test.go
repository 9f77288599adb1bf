package sshserver

import (
	"context"
	"flag"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"orderdesk/internal/pgcluster"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow/workflowtest"
)

var (
	loadPostgres = flag.Bool("postgres", false, "BenchmarkOffice on one PostgreSQL database (a private cluster, fsync on) instead of a SQLite file")
	loadServers  = flag.Int("servers", 1, "how many servers share BenchmarkOffice's PostgreSQL database (-postgres), the sessions dealt among them")
)

// loadOffices are the servers BenchmarkOffice's sessions are dealt
// among: one over a SQLite file, or (-postgres) -servers of them, each
// with its own engine on one PostgreSQL database, as offices in two
// cities would run.
func loadOffices(b *testing.B, tweak func(*Config)) []*office {
	b.Helper()
	if !*loadPostgres {
		return []*office{startOffice(b, tweak)}
	}
	ctx := context.Background()
	cluster, err := pgcluster.Start(ctx, pgcluster.Durable())
	if err != nil {
		b.Skip("no PostgreSQL server:", err)
	}
	b.Cleanup(func() { cluster.Stop() })
	url, err := cluster.CreateDatabase(ctx, "office")
	if err != nil {
		b.Fatal(err)
	}
	keys := map[string]gossh.Signer{}
	offices := make([]*office, max(*loadServers, 1))
	for i := range offices {
		eng := workflowtest.Open(b, url)
		b.Cleanup(func() { eng.Store().Close() })
		o := &office{f: &tuitest.Fixture{Ctx: ctx, Path: url, Store: eng.Store(), Engine: eng}, keys: keys}
		o.serve(b, tweak)
		offices[i] = o
	}
	return offices
}
