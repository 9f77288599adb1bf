package workflow

import (
	"context"
	"time"

	"orderdesk/store"
)

// Several servers on one database (PostgreSQL): what one announces on
// its feed reaches the sessions of every other, through the store's
// LISTEN/NOTIFY, so a change made at one office shows at another's
// screens at once.

// announceWait bounds an announcement: a server that cannot be told in
// this long refreshes at the next change.
const announceWait = 2 * time.Second

// joinServers links the engine's feed with the other servers' on st.
func (e *Engine) joinServers(st *store.Store) {
	if !st.Shared() {
		return
	}
	e.feed.relay = func(c Change) {
		ctx, cancel := context.WithTimeout(context.Background(), announceWait)
		defer cancel()
		st.Announce(ctx, c.Kind, c.ID) // missed: the next change refreshes
	}
	st.Listen(func(kind string, id int64) { e.feed.deliver(Change{Kind: kind, ID: id}) })
}

// relayed says whether other servers are told of a change of kind: not
// this server's own stopping, its backup or who is signed in at it.
func relayed(kind string) bool {
	switch kind {
	case ShutdownKind, BackupKind, PresenceKind:
		return false
	}
	return true
}
