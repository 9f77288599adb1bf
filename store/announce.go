package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Several servers on one PostgreSQL database tell each other what
// changed through PostgreSQL's LISTEN/NOTIFY, so a change made at one
// office reaches the screens of another at once, with no polling. A
// SQLite file is served by one process: there is no one to tell.

// changesChannel is the channel the servers of a database share.
const changesChannel = "orderdesk_changes"

// Shared says whether other servers may work on the same database.
func (s *Store) Shared() bool { return s.pg }

// Announce tells the other servers on the database that a record of kind
// changed. On a file it does nothing. It is sent after the change is
// committed; a server that misses one refreshes at the next.
func (s *Store) Announce(ctx context.Context, kind string, id int64) error {
	if !s.pg {
		return nil
	}
	_, err := s.read.ExecContext(ctx, `SELECT pg_notify(?, ?)`, changesChannel,
		s.instanceID()+"\t"+kind+"\t"+strconv.FormatInt(id, 10))
	return classify(err)
}

// Listen calls heard with every change another server announces, in the
// order they were committed, until the store closes. It listens before
// it returns, so nothing announced after is missed; a lost connection is
// opened again. On a file it does nothing.
func (s *Store) Listen(heard func(kind string, id int64)) {
	if !s.pg {
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	s.prepMu.Lock()
	if s.closing {
		s.prepMu.Unlock()
		stop()
		return
	}
	s.stopListening = append(s.stopListening, stop)
	s.prepMu.Unlock()
	conn := s.listening(ctx)
	s.inBackground(func() {
		for {
			if conn != nil {
				s.hear(ctx, conn, heard)
				conn.Close(context.Background())
			}
			select { // the server is away: try again in a moment
			case <-ctx.Done():
				return
			case <-time.After(time.Second):
			}
			conn = s.listening(ctx)
		}
	})
}

// listening is a connection of its own that listens on the channel, or
// nil when the server cannot be reached.
func (s *Store) listening(ctx context.Context) *pgx.Conn {
	conn, err := pgx.Connect(ctx, s.path)
	if err != nil {
		return nil
	}
	if _, err := conn.Exec(ctx, "LISTEN "+changesChannel); err != nil {
		conn.Close(context.Background())
		return nil
	}
	return conn
}

// hear passes on what conn hears until it fails or ctx ends.
func (s *Store) hear(ctx context.Context, conn *pgx.Conn, heard func(kind string, id int64)) {
	me := s.instanceID()
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return
		}
		from, rest, _ := strings.Cut(n.Payload, "\t")
		kind, idText, ok := strings.Cut(rest, "\t")
		id, err := strconv.ParseInt(idText, 10, 64)
		if from == me || !ok || err != nil {
			continue // our own, already told here, or not ours to read
		}
		heard(kind, id)
	}
}

// instanceID names this store among the servers of the database, so its
// own announcements are not told to it twice.
func (s *Store) instanceID() string {
	s.instanceOnce.Do(func() {
		b := make([]byte, 8)
		rand.Read(b)
		s.instance = hex.EncodeToString(b)
	})
	return s.instance
}
