package pgcluster

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"
)

// StartStandby makes a hot standby of c, as an office keeps one beside
// its primary: a base backup of c's data by pg_basebackup, which (-R)
// also writes how to reach c and marks the copy a standby, and a server
// of its own on its own socket that streams and replays what c writes,
// answers reads, refuses writes, and can be promoted (Promote).
func (c *Cluster) StartStandby(ctx context.Context) (*Cluster, error) {
	dir, err := os.MkdirTemp("", "orderdesk-pg-standby-")
	if err != nil {
		return nil, err
	}
	s := &Cluster{Dir: dir, Socket: dir, User: c.User, bin: c.bin, as: c.as}
	if err := s.as.own(dir); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	cmd := exec.CommandContext(ctx, filepath.Join(c.bin, "pg_basebackup"), "-D", s.data(),
		"-d", fmt.Sprintf("host=%s user=%s", c.Socket, c.User), "-R", "-X", "stream", "--no-sync", "--checkpoint=fast") // not a checkpoint spread over minutes
	s.as.apply(cmd)
	if out, err := cmd.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pg_basebackup: %v: %s", err, strings.TrimSpace(string(out)))
	}
	if err := s.serve(ctx); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}

// Promote makes a standby the primary: it stops following and takes
// writes. It returns once the server says it is no longer in recovery.
func (c *Cluster) Promote(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, c.URL("postgres", ""))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	var promoted bool
	if err := conn.QueryRow(ctx, "SELECT pg_promote(true, 60)").Scan(&promoted); err != nil {
		return err
	}
	if !promoted {
		return fmt.Errorf("the standby was not promoted within 60 s: %s", c.Log())
	}
	return nil
}

// Kill ends the server at once, as a machine that dies does: no
// shutdown, nothing flushed. The cluster's folder stays until Stop.
func (c *Cluster) Kill() {
	if c.proc != nil && c.proc.Process != nil {
		_ = c.proc.Process.Kill()
		<-c.exited
	}
}
