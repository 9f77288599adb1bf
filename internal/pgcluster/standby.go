package pgcluster

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

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

// CaughtUp waits until standby s has replayed all that primary has
// written of database db, for 30 s at the most.
func (s *Cluster) CaughtUp(ctx context.Context, primary *Cluster, db string) error {
	p, err := pgx.Connect(ctx, primary.URL(db, ""))
	if err != nil {
		return err
	}
	defer p.Close(ctx)
	r, err := pgx.Connect(ctx, s.URL(db, ""))
	if err != nil {
		return err
	}
	defer r.Close(ctx)
	var target string
	if err := p.QueryRow(ctx, "SELECT pg_current_wal_lsn()::text").Scan(&target); err != nil {
		return err
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var done bool
		if err := r.QueryRow(ctx, "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", target).Scan(&done); err != nil {
			return err
		}
		if done {
			return nil
		}
	}
	return errors.New("the standby did not catch up within 30 s")
}
