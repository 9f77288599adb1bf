package store

import (
	"context"
	"database/sql"
	"sync"
)

// writeStmts keeps the writer's statements across transactions.
// Preparing a statement compiles every trigger it fires (the audit
// record, the two-person and frozen-row guards), which costs more than
// running it; a save repeats the same few texts all day. A statement is
// prepared inside each transaction that needs it until a second
// transaction has needed it too (a text one start or one command writes
// once is not compiled twice), and once that one has ended, again on
// the write pool, where it stays:
// database/sql binds it to the writer's one connection in every later
// transaction (Tx.StmtContext) without parsing it again. SQLite
// recompiles a kept statement by itself after a schema change.
type writeStmts struct {
	mu     sync.Mutex
	kept   map[string]*sql.Stmt
	seen   map[string]bool // needed once, not kept yet
	count  int
	closed bool
}

// maxWriteStmts bounds the kept statements, as maxReadStmts does the
// readers'.
const maxWriteStmts = 1000

// bound returns q's kept statement bound to tx, or nil when q has none.
func (w *writeStmts) bound(ctx context.Context, tx *sql.Tx, q string) *sql.Stmt {
	w.mu.Lock()
	st := w.kept[q]
	w.mu.Unlock()
	if st == nil {
		return nil
	}
	return tx.StmtContext(ctx, st)
}

// keep prepares on db the texts a transaction prepared for itself,
// once the writer's one connection is free again. It holds no lock
// while it waits for the connection: the writer that has it may be
// looking up its own statements.
func (w *writeStmts) keep(ctx context.Context, db *sql.DB, texts []string) {
	w.mu.Lock()
	var todo []string
	for _, q := range texts {
		if _, ok := w.kept[q]; ok || w.count+len(todo) >= maxWriteStmts {
			continue
		}
		if !w.seen[q] {
			if w.seen == nil || len(w.seen) >= maxWriteStmts {
				w.seen = map[string]bool{}
			}
			w.seen[q] = true
			continue
		}
		delete(w.seen, q)
		todo = append(todo, q)
	}
	w.mu.Unlock()
	for _, q := range todo {
		st, err := db.PrepareContext(context.WithoutCancel(ctx), q)
		if err != nil {
			continue // it stays prepared per transaction
		}
		w.mu.Lock()
		if w.kept == nil {
			w.kept = map[string]*sql.Stmt{}
		}
		if _, ok := w.kept[q]; ok || w.closed {
			st.Close()
		} else {
			w.kept[q] = st
			w.count++
		}
		w.mu.Unlock()
	}
}

// close closes every kept statement.
func (w *writeStmts) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, st := range w.kept {
		st.Close()
	}
	w.kept, w.count, w.closed = nil, 0, true
}
