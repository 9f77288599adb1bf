// Package pgcluster starts a private PostgreSQL server for tests and
// drills: a new cluster in a temporary folder that listens on a Unix
// socket only (no TCP port to collide with or to expose) and goes away
// with the process that started it.
package pgcluster

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Cluster is one running server.
type Cluster struct {
	// Dir holds the data folder and the socket.
	Dir string
	// Socket is the folder of the server's Unix socket (its "host").
	Socket string
	// User is the superuser the cluster was made with.
	User string

	durable bool // fsync on, for benchmarks set beside a file synced on commit
	bin     string
	as      *account
	proc    *exec.Cmd
	exited  chan struct{} // closed when the server has ended
	exitErr error         // how it ended, once exited is closed
}

// ErrNoServer says the PostgreSQL server programs are not installed.
var ErrNoServer = errors.New("PostgreSQL server programs (initdb, postgres) not found: install them (Debian: apt-get install postgresql)")

// Option changes how Start sets a cluster up.
type Option func(*Cluster)

// Durable keeps PostgreSQL's fsync on: a commit waits for the disk, as
// an office server's does. Tests run without it (a crash of a test's
// server loses nothing anyone needs); benchmarks that set PostgreSQL
// beside SQLite's synchronous=FULL need it.
func Durable() Option { return func(c *Cluster) { c.durable = true } }

// Start makes a new cluster and starts its server. The server stops on
// Stop, and by itself when this process ends however it ends.
func Start(ctx context.Context, opts ...Option) (*Cluster, error) {
	bin, err := Binaries()
	if err != nil {
		return nil, err
	}
	as, err := serverAccount()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "orderdesk-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{Dir: dir, Socket: dir, User: "orderdesk_admin", bin: bin, as: as}
	for _, o := range opts {
		o(c)
	}
	if err := c.initdb(ctx); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := c.serve(ctx); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return c, nil
}

// Binaries finds the folder holding initdb and postgres: the PATH first,
// then Debian's versioned folders, newest version first.
func Binaries() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real // a link on the PATH: the other programs are beside what it names
		}
		if dir := filepath.Dir(p); exists(filepath.Join(dir, "postgres")) {
			return dir, nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	for i := len(dirs) - 1; i >= 0; i-- {
		if exists(filepath.Join(dirs[i], "initdb")) && exists(filepath.Join(dirs[i], "postgres")) {
			return dirs[i], nil
		}
	}
	return "", ErrNoServer
}

func (c *Cluster) data() string { return filepath.Join(c.Dir, "data") }

func (c *Cluster) initdb(ctx context.Context) error {
	if err := c.as.own(c.Dir); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, filepath.Join(c.bin, "initdb"),
		"-D", c.data(), "-U", c.User, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
	c.as.apply(cmd)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

// serve starts postgres in the foreground as a child that dies with us,
// and waits until it takes connections.
func (c *Cluster) serve(ctx context.Context) error {
	// A test's server (fsync off) also checkpoints every 256 MB of WAL
	// rather than every 1 GB: each database a test copies is written to
	// the WAL whole, and a suite's WAL is disk a small CI machine lacks.
	settings := []string{"fsync=off", "max_wal_size=256MB"}
	if c.durable {
		settings = []string{"fsync=on"}
	}
	args := []string{"-D", c.data(), "-k", c.Socket, "-c", "listen_addresses=",
		"-c", "max_connections=100", "-c", "wal_level=replica"}
	for _, s := range settings {
		args = append(args, "-c", s)
	}
	cmd := exec.Command(filepath.Join(c.bin, "postgres"), args...)
	c.as.apply(cmd)
	log, err := os.Create(filepath.Join(c.Dir, "server.log"))
	if err != nil {
		return err
	}
	cmd.Stdout, cmd.Stderr = log, log
	c.proc = cmd
	c.exited = make(chan struct{})
	err = startChild(cmd, func(err error) {
		c.exitErr = err
		log.Close()
		close(c.exited)
	})
	if err != nil {
		log.Close()
		return err
	}
	return c.waitReady(ctx)
}

// waitReady waits for the socket file the server makes once it listens.
func (c *Cluster) waitReady(ctx context.Context) error {
	sock := filepath.Join(c.Socket, ".s.PGSQL.5432")
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if exists(sock) && exists(filepath.Join(c.data(), "postmaster.pid")) && c.ready() {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-c.exited:
			return fmt.Errorf("postgres stopped at start: %v: %s", c.exitErr, c.Log())
		case <-time.After(20 * time.Millisecond):
		}
	}
	return fmt.Errorf("postgres did not start within 30 s: %s", c.Log())
}

// ready reads postmaster.pid's status line, which says "ready" once the
// server accepts connections.
func (c *Cluster) ready() bool {
	b, err := os.ReadFile(filepath.Join(c.data(), "postmaster.pid"))
	return err == nil && strings.Contains(string(b), "ready")
}

// Log is what the server wrote, for a failing test's message.
func (c *Cluster) Log() string {
	b, _ := os.ReadFile(filepath.Join(c.Dir, "server.log"))
	return string(b)
}

// URL is the connection address of database db as user (the superuser
// when user is empty).
func (c *Cluster) URL(db, user string) string {
	if user == "" {
		user = c.User
	}
	q := url.Values{"host": {c.Socket}}
	return (&url.URL{Scheme: "postgres", User: url.User(user), Path: "/" + db, RawQuery: q.Encode()}).String()
}

// Stop shuts the server down fast and removes the cluster.
func (c *Cluster) Stop() error {
	if c.proc != nil && c.proc.Process != nil {
		_ = c.proc.Process.Signal(fastShutdown)
		select {
		case <-c.exited:
		case <-time.After(10 * time.Second):
			_ = c.proc.Process.Kill()
			<-c.exited
		}
	}
	return os.RemoveAll(c.Dir)
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

// CreateDatabase makes an empty database and returns its URL.
func (c *Cluster) CreateDatabase(ctx context.Context, name string) (string, error) {
	if err := c.exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	return c.URL(name, ""), nil
}

// CopyDatabase makes database name a copy of database from by
// PostgreSQL's own copy (CREATE DATABASE … TEMPLATE), which needs every
// connection to from closed; it returns the copy's URL.
func (c *Cluster) CopyDatabase(ctx context.Context, name, from string) (string, error) {
	if err := c.exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE "+pgx.Identifier{from}.Sanitize()); err != nil {
		return "", err
	}
	return c.URL(name, ""), nil
}

// DropDatabase removes database name, ending any connection still open
// to it (WITH (FORCE)): a test's database goes when its test ends, so a
// long suite holds only the databases of the tests still running.
func (c *Cluster) DropDatabase(ctx context.Context, name string) error {
	return c.exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
}

// exec runs stmts in turn as the superuser, connected to the cluster's
// own database (postgres), stopping at the first that fails.
func (c *Cluster) exec(ctx context.Context, stmts ...string) error {
	conn, err := pgx.Connect(ctx, c.URL("postgres", ""))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	for _, stmt := range stmts {
		if _, err := conn.Exec(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}
