package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// ErrNoPGTools: PostgreSQL's client programs (pg_dump, pg_restore) that
// backups on PostgreSQL are made and restored with are not installed, or
// none is new enough for the server.
var ErrNoPGTools = errors.New("PostgreSQL's client programs (pg_dump, pg_restore) are not installed: install them (Debian: apt-get install postgresql-client)")

// pgTool finds the PostgreSQL program name for a server of major version
// serverMajor (0: no server, the newest will do): Debian's versioned
// folder of that version first, as the cluster's own programs are
// found, then the PATH's when it is that version, else the newest
// installed that is not older than the server (pg_dump refuses a newer
// server, and pg_restore a newer dump).
func pgTool(name string, serverMajor int) (string, error) {
	key := fmt.Sprint(name, serverMajor)
	if p, ok := pgTools.Load(key); ok {
		return p.(string), nil
	}
	p, err := findPGTool(name, serverMajor)
	if err == nil {
		pgTools.Store(key, p)
	}
	return p, err
}

// pgTools holds the programs found, by name and server version: asking
// the PATH's program its version costs half a second (Debian's is a
// Perl script choosing among the versions).
var pgTools sync.Map

func findPGTool(name string, serverMajor int) (string, error) {
	type found struct {
		path  string
		major int
	}
	var all []found
	dirs, _ := filepath.Glob(filepath.Join(pgLibDir, "*", "bin"))
	for _, dir := range dirs {
		major, err := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
		if p := filepath.Join(dir, name); err == nil && isFile(p) {
			all = append(all, found{p, major})
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		if major := toolMajor(p); major > 0 {
			all = append(all, found{p, major})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].major > all[j].major })
	for _, f := range all {
		if f.major == serverMajor {
			return f.path, nil
		}
	}
	if len(all) > 0 && all[0].major >= serverMajor {
		return all[0].path, nil
	}
	if len(all) > 0 {
		return "", fmt.Errorf("%w (found %s %d, the server is %d)", ErrNoPGTools, name, all[0].major, serverMajor)
	}
	return "", ErrNoPGTools
}

// pgLibDir holds Debian's folders of PostgreSQL's versions (N/bin).
var pgLibDir = "/usr/lib/postgresql"

var toolVersion = regexp.MustCompile(`\(PostgreSQL\) (\d+)`)

// toolMajor is the major version a program says it is, 0 when it does
// not say.
func toolMajor(path string) int {
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		return 0
	}
	m := toolVersion.FindSubmatch(out)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// runPGTool runs a PostgreSQL program and returns its output; a failure
// carries what it wrote on stderr.
func runPGTool(ctx context.Context, env []string, path string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 600 {
			msg = msg[:600] + "…"
		}
		return out, fmt.Errorf("%s: %v: %s", filepath.Base(path), err, msg)
	}
	return out, nil
}

// libpqParams are the URL parameters PostgreSQL's own programs take; the
// others (pgx's own) are left out of the URL they are given.
var libpqParams = map[string]bool{
	"host": true, "hostaddr": true, "port": true, "dbname": true, "user": true,
	"connect_timeout": true, "application_name": true, "options": true, "sslmode": true,
	"sslcert": true, "sslkey": true, "sslrootcert": true, "sslcrl": true, "sslpassword": true,
	"sslnegotiation": true, "gssencmode": true, "channel_binding": true, "target_session_attrs": true,
	"passfile": true, "service": true, "keepalives": true, "keepalives_idle": true,
}

// libpqTarget is a database URL as PostgreSQL's programs take it: the
// password moved out of it into PGPASSWORD, so it never shows on a
// command line (ps).
func libpqTarget(dbURL string) (target string, env []string, err error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "", nil, err
	}
	q := u.Query()
	if pw, ok := u.User.Password(); ok {
		env = append(env, "PGPASSWORD="+pw)
		u.User = url.User(u.User.Username())
	}
	if pw := q.Get("password"); pw != "" {
		env = append(env, "PGPASSWORD="+pw)
	}
	for k := range q {
		if !libpqParams[k] {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	return u.String(), env, nil
}
