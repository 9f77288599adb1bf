// Package store keeps orderdesk's data in one SQLite file. It owns the
// schema, the migrations and the triggers that make the database itself
// refuse what the workflow refuses: status changes without a valid
// transition, sign-offs by a document's maker or editor, deletes, and edits
// to the audit log.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver

	"orderdesk/store/pgschema"
)

// SystemUserID owns bootstrap writes. It holds no role and cannot log in.
const SystemUserID int64 = 1

// Store is an open orderdesk database. Writes go through one connection
// with BEGIN IMMEDIATE so a read-then-write never fails half way; reads
// use a pool of read-only connections that WAL lets run beside the writer.
type Store struct {
	path  string
	write *sql.DB
	read  *sql.DB
	// Now is the clock used for timestamps; tests replace it.
	Now func() time.Time
	// readStmts holds the read pool's statements by query text, each
	// compiled once per connection: parsing costs more than running the
	// indexed lookups the screens make, and they repeat a few dozen
	// texts all day.
	readStmts sync.Map // string → *sql.Stmt (nil when it cannot be prepared), or seenOnce
	readCount atomic.Int32
	writes    writeStmts     // the writer's statements, kept across transactions
	preparing sync.WaitGroup // work in the background (statements prepared, the writer released)
	prepMu    sync.Mutex     // orders preparing.Add before Close's Wait
	closing   bool
	readOnly  bool           // opened read-only: every write is refused
	pg        bool           // a PostgreSQL database (OpenURL), not a file
	upgrade   *upgradeBackup // the copy taken before this open upgraded the schema
	// seal holds the audit key, if any; guard what the last check of the
	// triggers, views and rules found; declared the workflow's rules.
	seal      *sealer
	guard     atomic.Pointer[guardState]
	declared  atomic.Pointer[declaredRules]
	unguarded bool        // a benchmark database, built around the guards on purpose
	auditMade atomic.Bool // the audit table exists (see auditFloor)
	created   bool        // made new by this Open
	// Announcements between servers on PostgreSQL (announce.go).
	instance      string
	instanceOnce  sync.Once
	stopListening []context.CancelFunc // guarded by prepMu
}

// seenOnce marks a read text run once: it is prepared the second time.
type seenOnce struct{}

// maxReadStmts bounds the statement cache: query texts built from input
// (a filter's words) are few in practice, but never unbounded.
const maxReadStmts = 1000

// Open opens (creating if needed) the database at path and brings its
// schema up to date. A file that is not a database, a database written
// by a newer orderdesk and a database generated for benchmarks
// (ErrBenchDB) are refused with typed errors. A file this process may not
// write is opened read-only (OpenReadOnly): everything reads, and every
// write is refused with ErrReadOnly.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	// SQLite quietly opens a file it may not write read-only, and only the
	// first save would fail with a driver's words: open it read-only on
	// purpose instead.
	if err := canWrite(path); err != nil && writeDenied(err) {
		return OpenReadOnly(ctx, path, opts...)
	}
	if err := ensureFolder(filepath.Dir(path)); err != nil {
		return nil, err
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	if err := createPrivate(path); err != nil {
		return nil, classify(fmt.Errorf("%w: %v", ErrCannotOpen, err))
	}
	write, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, classify(err)
	}
	write.SetMaxOpenConns(1)
	read, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		write.Close()
		return nil, classify(err)
	}
	return start(ctx, path, write, read, false, false, opts)
}

// start sets up the pools and brings the schema up to date.
func start(ctx context.Context, path string, write, read *sql.DB, readOnly, pg bool, opts []Option) (*Store, error) {
	read.SetMaxOpenConns(8)
	read.SetMaxIdleConns(8)
	s := &Store{path: path, write: write, read: read, readOnly: readOnly, pg: pg, Now: func() time.Time { return time.Now().UTC() }}
	o := options(opts)
	// The binary's own schema, which CheckSchema below compares with, is
	// decoded once a process: beside the first reads rather than after.
	go expectedSchema() // its error is CheckSchema's to report
	migrate := func(ctx context.Context) error { return s.migratePostgres(ctx, o.upgrade) }
	if !pg {
		bench, err := refuseBench(ctx, read, o)
		if err != nil {
			s.Close()
			return nil, err
		}
		s.unguarded = bench
		migrate = s.migrate
	}
	if err := migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.setupSeal(ctx, o.auditKey); err != nil {
		s.Close()
		return nil, err
	}
	if _, err := s.CheckSchema(ctx); err != nil {
		s.Close()
		return nil, err
	}
	s.inBackground(s.releaseWriter)
	return s, nil
}

// releaseWriter closes the writer's connection when nothing holds it:
// the start opens it when it makes or upgrades the schema, or checks a
// file in a folder this process may not write (migrate), and a
// connection holds the whole parsed schema (about 5 MB). A desk only read from, as
// most are for most of the day, never opens it again; the first save
// does, once (about 40 ms), and keeps it. Closing costs about as much
// CPU as opening, so it runs beside the first screen, not before it.
func (s *Store) releaseWriter() {
	s.write.SetMaxIdleConns(0)
	s.write.SetMaxIdleConns(1)
}

// inBackground runs fn on a goroutine of its own that Close waits for;
// once the store is closing, not at all.
func (s *Store) inBackground(fn func()) {
	s.prepMu.Lock()
	defer s.prepMu.Unlock()
	if s.closing {
		return
	}
	s.preparing.Add(1)
	go func() {
		defer s.preparing.Done()
		fn()
	}()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close releases both connection pools.
func (s *Store) Close() error {
	s.closeSeal()
	s.prepMu.Lock()
	s.closing = true
	for _, stop := range s.stopListening {
		stop()
	}
	s.prepMu.Unlock()
	s.preparing.Wait()
	s.readStmts.Range(func(_, v any) bool {
		if st, _ := v.(*sql.Stmt); st != nil {
			st.Close()
		}
		return true
	})
	s.writes.close()
	return errors.Join(s.read.Close(), s.write.Close())
}

// readStmt returns q prepared on the read pool, nil when it is not (yet):
// it then runs as text. prepare says the caller is to have it prepared
// once its read is over (prepareReads).
func (s *Store) readStmt(q string) (st *sql.Stmt, prepare bool) {
	v, ok := s.readStmts.Load(q)
	if !ok {
		// A text read once runs as text: the start reads a dozen that
		// never come back.
		if s.readCount.Load() < maxReadStmts {
			if _, loaded := s.readStmts.LoadOrStore(q, seenOnce{}); !loaded {
				s.readCount.Add(1)
			}
		}
		return nil, false
	}
	if st, ok := v.(*sql.Stmt); ok {
		return st, false // nil while it is being prepared, or when it cannot be
	}
	// Seen twice: the first reader to get here has it prepared.
	return nil, s.readStmts.CompareAndSwap(q, v, (*sql.Stmt)(nil))
}

// prepareReads prepares texts on the read pool in the background, after
// the read that saw them: preparing inside it would wait for a free
// connection, and as many readers as the pool has connections, each with
// a new text, would wait for ever.
func (s *Store) prepareReads(ctx context.Context, texts []string) {
	if len(texts) == 0 {
		return
	}
	s.inBackground(func() {
		for _, q := range texts {
			st, err := s.read.PrepareContext(context.WithoutCancel(ctx), q)
			if err != nil {
				st = nil
			}
			s.readStmts.Store(q, st)
		}
	})
}

// keepWriteStmts keeps a write's new statements in the background, as
// readStmt does the readers'.
func (s *Store) keepWriteStmts(ctx context.Context, texts []string) {
	if len(texts) == 0 {
		return
	}
	s.inBackground(func() { s.writes.keep(ctx, s.write, texts) })
}

// busyTimeout is how long a write waits for another writer before it
// fails with ErrBusy; tests shorten it.
var busyTimeout = 5 * time.Second

// writerPoll is how long SQLite itself waits for the write lock per try.
// Its own handler backs off to 100 ms between looks, and a writer that
// looks that seldom loses the lock every time to processes that write
// back to back: begin tries again every few milliseconds instead, up to
// busyTimeout.
const writerPoll = 10 * time.Millisecond

// begin starts a write transaction (BEGIN IMMEDIATE), waiting up to
// busyTimeout for another process's writer.
func (s *Store) begin(ctx context.Context) (*sql.Tx, error) {
	if s.pg {
		return s.beginPostgres(ctx)
	}
	deadline := time.Now().Add(busyTimeout)
	for {
		tx, err := s.write.BeginTx(ctx, nil)
		if err == nil || !errors.Is(classify(err), ErrBusy) || time.Now().After(deadline) || ctx.Err() != nil {
			return tx, err
		}
		time.Sleep(time.Duration(500+rand.IntN(2500)) * time.Microsecond)
	}
}

func dsn(path string, writer bool) string {
	q := url.Values{}
	wait := busyTimeout
	if writer {
		wait = min(wait, writerPoll)
	}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", wait.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	if writer {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		// Statement journals (one per trigger-firing statement) in memory.
		q.Add("_pragma", "temp_store(MEMORY)")
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(1)")
	}
	return "file:" + path + "?" + q.Encode()
}

// checkHeader refuses an existing file that is not SQLite before the
// driver gets a chance to misread it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCannotOpen, err)
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	if n == 0 {
		return nil // an empty file becomes a new database
	}
	if string(head[:n]) != "SQLite format 3\x00" {
		return ErrNotDatabase
	}
	return nil
}

// Tx is one transaction. Now is fixed for the whole transaction so every
// row it writes carries the same time.
type Tx struct {
	tx  *sql.Tx
	Now time.Time
	// auditFloor is the last audit id before this transaction began;
	// the records above it are the ones this transaction wrote.
	auditFloor int64
	// stmts holds a write transaction's prepared statements: preparing
	// compiles every trigger a statement fires, which costs more than
	// running it, so a transaction that repeats a statement prepares it
	// once. nil in read transactions.
	stmts map[string]*sql.Stmt
	// writes, in a write transaction, keeps its statements for the
	// transactions after it; fresh are the texts it had to prepare.
	writes *writeStmts
	fresh  []string
	// reads, in a read transaction, is the store whose statement cache
	// its queries use; toPrepare the texts it saw a second time, to be
	// prepared once it has given its connection back.
	reads     *Store
	toPrepare []string
	// seal seals a write's audit records; signed is the checkpoint it
	// signed, to copy to the file once committed.
	seal   *sealer
	signed *Checkpoint
	// pg: the statements are SQLite's, carried over to PostgreSQL.
	pg bool
	// windows are the edit windows the transaction opened and has not
	// closed: document id → editor (editwindow.go).
	windows map[int64]int64
}

// Write runs fn in one write transaction, seals the audit records it
// produced and commits. Any error rolls everything back.
func (s *Store) Write(ctx context.Context, fn func(*Tx) error) error {
	return s.explain(s.writeTx(ctx, fn))
}

func (s *Store) writeTx(ctx context.Context, fn func(*Tx) error) error {
	return s.writeWith(ctx, true, fn)
}

// writeWith runs fn in a write transaction. A guarded one is refused,
// once fn has changed anything, while the guards or the audit key are
// not as they should be; migrations, the workflow's rules and repair
// write unguarded.
func (s *Store) writeWith(ctx context.Context, guarded bool, fn func(*Tx) error) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return classify(err)
	}
	t := &Tx{tx: tx, Now: s.Now(), stmts: map[string]*sql.Stmt{}, writes: &s.writes, seal: s.seal, pg: s.pg}
	defer func() {
		if p := recover(); p != nil {
			// The writer's one connection must not stay inside a
			// transaction nobody will end: every later save would wait.
			tx.Rollback()
			panic(p)
		}
		// Ended either way, the transaction has freed the connection
		// for what it prepared to be kept; that waits for the connection
		// behind the next writer, so the save does not wait for it.
		s.keepWriteStmts(ctx, t.fresh)
	}()
	if t.auditFloor, err = s.auditFloor(ctx, t); err != nil {
		tx.Rollback()
		return classify(err)
	}
	var refusal error
	var changes int64
	if guarded {
		if refusal, err = s.writeRefusal(ctx, t); err == nil && refusal != nil {
			changes, err = totalChanges(ctx, t)
		}
		if err != nil {
			tx.Rollback()
			return classify(err)
		}
	}
	if err := fn(t); err != nil {
		tx.Rollback()
		return classify(err)
	}
	if err := t.closeWindows(ctx); err != nil {
		tx.Rollback()
		return classify(err)
	}
	if refusal != nil {
		// A transaction that only read (the settings checked at start-up)
		// goes through; one that changed anything is refused.
		after, err := totalChanges(ctx, t)
		if err != nil || after != changes {
			tx.Rollback()
			return errors.Join(refusal, classify(err))
		}
	}
	if err := sealAudit(ctx, t); err != nil {
		tx.Rollback()
		return classify(err)
	}
	if err := tx.Commit(); err != nil {
		return classify(err)
	}
	s.seal.committed(t.signed)
	return nil
}

// Read runs fn in a read-only snapshot.
func (s *Store) Read(ctx context.Context, fn func(*Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.pg {
		// One snapshot for the whole transaction, as SQLite's; by
		// default PostgreSQL takes one per statement.
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := s.read.BeginTx(ctx, opts)
	if err != nil {
		return classify(err)
	}
	t := &Tx{tx: tx, Now: s.Now(), reads: s, pg: s.pg}
	defer func() {
		tx.Rollback()
		// Prepared after the read, on the connection it freed: prepared
		// beside it, each would open a connection of its own, and a
		// connection parses the whole schema (40 ms, 5.4 MB).
		s.prepareReads(ctx, t.toPrepare)
	}()
	return classify(fn(t))
}

func (t *Tx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := t.prepared(ctx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.tx.ExecContext(ctx, q, args...)
}

// insert runs an INSERT and returns the new row's id.
func (t *Tx) insert(ctx context.Context, q string, args ...any) (int64, error) {
	if t.pg {
		var id int64
		err := t.row(ctx, q+" RETURNING id", args...).Scan(&id)
		return id, classify(err)
	}
	res, err := t.exec(ctx, q, args...)
	if err != nil {
		return 0, classify(err)
	}
	return res.LastInsertId()
}

// script runs SQL text as it is, never prepared and kept: migrations and
// trigger definitions hold several statements, or run once. On
// PostgreSQL a script is PostgreSQL's own (the schema's), not carried.
func (t *Tx) script(ctx context.Context, q string) error {
	if t.pg {
		q = pgschema.Native(q)
	}
	_, err := t.tx.ExecContext(ctx, q)
	return err
}

// prepared returns q prepared once per write transaction, or in a read
// transaction the store's statement bound to it; nil when q is not one
// statement (it then runs as text).
func (t *Tx) prepared(ctx context.Context, q string) *sql.Stmt {
	if t.pg {
		return nil // each text runs as it is, through the driver that carries it over
	}
	if t.stmts == nil {
		if t.reads == nil {
			return nil
		}
		st, prepare := t.reads.readStmt(q)
		if prepare {
			t.toPrepare = append(t.toPrepare, q)
		}
		if st != nil {
			return t.tx.StmtContext(ctx, st)
		}
		return nil
	}
	st, ok := t.stmts[q]
	if ok {
		return st
	}
	if t.writes != nil {
		st = t.writes.bound(ctx, t.tx, q)
	}
	if st == nil {
		var err error
		if st, err = t.tx.PrepareContext(ctx, q); err != nil {
			st = nil
		} else if t.writes != nil {
			t.fresh = append(t.fresh, q)
		}
	}
	t.stmts[q] = st
	return st
}

func (t *Tx) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := t.prepared(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, q, args...)
}

func (t *Tx) row(ctx context.Context, q string, args ...any) *sql.Row {
	if st := t.prepared(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, q, args...)
}

// stamp formats a time the way every table stores it.
func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// parseStamp reads a stored timestamp; a bad one reads as the zero time.
func parseStamp(s string) time.Time {
	t, _ := time.Parse("2006-01-02T15:04:05.000Z", s)
	return t
}

// scanner reads one row: *sql.Row and *sql.Rows both do.
type scanner = interface{ Scan(...any) error }

// queryAll runs q and reads every row with scan.
func queryAll[T any](ctx context.Context, t *Tx, scan func(scanner) (T, error), q string, args ...any) ([]T, error) {
	rows, err := t.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// scanString reads a row of one text column.
func scanString(sc scanner) (string, error) {
	var s string
	err := sc.Scan(&s)
	return s, err
}

// scanID reads a row of one integer column.
func scanID(sc scanner) (int64, error) {
	var id int64
	err := sc.Scan(&id)
	return id, err
}

// queryPage reads one keyset page with scan; a page read backward (from
// the cursor down) comes back in key order all the same.
func queryPage[T any](ctx context.Context, t *Tx, p Page, scan func(scanner) (T, error), q string, args ...any) ([]T, error) {
	out, err := queryAll(ctx, t, scan, q, args...)
	if p.Backward {
		reverse(out)
	}
	return out, err
}

// optional scans the one row q finds, or returns nil when it finds none
// (a step a document has not taken yet).
func optional[T any](ctx context.Context, t *Tx, scan func(sc scanner) (T, error), q string, args ...any) (*T, error) {
	v, err := scan(t.row(ctx, q, args...))
	if noRow(err) {
		return nil, nil
	}
	return &v, err
}

// noRow reports whether a one-row read found nothing.
func noRow(err error) bool { return errors.Is(err, sql.ErrNoRows) }
