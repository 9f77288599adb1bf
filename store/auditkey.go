package store

import (
	"bufio"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// AuditKeyFiles locate the audit key, a secret the database file does not
// hold, and the file of signed checkpoints kept beside it. Both belong to
// the server's account alone (0600, in a 0700 folder).
type AuditKeyFiles struct {
	Key         string
	Checkpoints string
}

// WithAuditKey seals new audit records with the key at f.Key (HMAC-SHA256)
// and signs checkpoints of the chain's head into the database and f.Checkpoints.
// The key is made at the first start of a database that never had one.
func WithAuditKey(f AuditKeyFiles) Option { return func(o *openOptions) { o.auditKey = &f } }

// KeyState says whether this run can seal and check the chain's seal.
type KeyState string

// The states of the audit key. Under any but KeyPlain and KeyOK a write
// is refused: a record sealed without the key would break the chain.
const (
	KeyPlain   KeyState = "plain"   // the database was never keyed, and no key is configured: SHA-256 only
	KeyOK      KeyState = "ok"      // sealing and checking with the key
	KeyMissing KeyState = "missing" // the database was keyed, and this run has no key
	KeyWrong   KeyState = "wrong"   // the key does not sign this database's key record
	KeyLost    KeyState = "lost"    // keyed records or checkpoints exist, the database's key record does not
)

// ErrAuditKey refuses a write that could not be sealed with the
// database's audit key.
var ErrAuditKey = errors.New("the audit key of this database is not available")

// AuditKeyError is ErrAuditKey with the reason.
type AuditKeyError struct {
	State KeyState
	Why   string
}

func (e *AuditKeyError) Error() string {
	return fmt.Sprintf("%v (%s): %s", ErrAuditKey, e.State, e.Why)
}

func (e *AuditKeyError) Unwrap() error { return ErrAuditKey }

const keyedPrefix = "k:"

// checkpointEvery bounds how often a write signs a checkpoint of the head.
const checkpointEvery = time.Second

// sealer holds the audit key and what it signed last. One per store;
// writes are serialised, but Close and Checkpoint may run beside them.
type sealer struct {
	files     *AuditKeyFiles
	recordKey []byte // seals records; nil without the key
	signKey   []byte // signs checkpoints
	state     KeyState
	why       string
	dbID      string
	tag       string // the database path's tag in the checkpoint file
	switchAt  int64  // records above it are keyed; -1 when the database was never keyed
	keyRecord *Checkpoint

	mu      sync.Mutex
	last    time.Time // when the last head checkpoint was signed
	dirty   bool      // records sealed since
	fileErr error     // the checkpoint file could not be written
}

// keyed reports whether new records are sealed with the key.
func (k *sealer) keyed() bool { return k != nil && k.state == KeyOK }

// refusal is the error a write gets under this key state, nil when it may write.
func (k *sealer) refusal() error {
	if k == nil || k.state == KeyPlain || k.state == KeyOK {
		return nil
	}
	return &AuditKeyError{State: k.state, Why: k.why}
}

func deriveKey(key []byte, purpose string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("orderdesk audit " + purpose))
	return m.Sum(nil)
}

func pathTag(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if IsPostgresURL(path) {
		abs = postgresTag(path)
	}
	sum := sha256.Sum256([]byte(abs))
	return hex.EncodeToString(sum[:8])
}

// setupSeal finds the database's key record and the key, making both at
// the first start of a database that never had them.
func (s *Store) setupSeal(ctx context.Context, files *AuditKeyFiles) error {
	k := &sealer{files: files, switchAt: -1, state: KeyPlain, tag: pathTag(s.path)}
	s.seal = k
	rec, err := s.keyRecord(ctx)
	if err != nil {
		return err
	}
	if rec != nil {
		k.keyRecord, k.dbID, k.switchAt = rec, rec.DBID, rec.AuditID
	}
	if files == nil {
		if rec != nil {
			k.state, k.why = KeyMissing, "no audit key is configured"
		}
		return nil
	}
	key, err := os.ReadFile(files.Key)
	switch {
	case errors.Is(err, fs.ErrNotExist) && rec != nil:
		k.state, k.why = KeyMissing, "no key file at "+files.Key
		return nil
	case errors.Is(err, fs.ErrNotExist):
		// Made below once nothing says this database was keyed before.
	case err != nil:
		k.state, k.why = KeyMissing, err.Error()
		return nil
	case len(key) != 32:
		k.state, k.why = KeyMissing, fmt.Sprintf("%s is not a key (%d bytes)", files.Key, len(key))
		return nil
	}
	if rec == nil {
		lost, why, err := s.keyRecordLost(ctx, k)
		if err != nil || lost {
			k.state, k.why = KeyLost, why
			return err
		}
		if s.readOnly {
			return nil // checked as a plain chain; a reader never makes a key
		}
		if key == nil {
			if key, err = makeKey(files.Key); err != nil {
				return err
			}
		}
	}
	k.recordKey, k.signKey = deriveKey(key, "records"), deriveKey(key, "checkpoints")
	if rec != nil {
		if !rec.signedBy(k.signKey) {
			k.recordKey, k.signKey = nil, nil
			k.state, k.why = KeyWrong, files.Key+" did not seal this database"
			return nil
		}
		k.state = KeyOK
		return nil
	}
	return s.introduceKey(ctx, k)
}

// makeKey writes 32 random bytes, readable by this account only, into a
// file that must not exist yet.
func makeKey(path string) ([]byte, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("audit key: %w", err)
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("audit key: %w", err)
	}
	if _, err := f.Write(key); err != nil {
		f.Close()
		return nil, fmt.Errorf("audit key: %w", err)
	}
	return key, f.Close()
}

// keyRecord is the database's record of when keyed sealing began, nil
// when it never did.
func (s *Store) keyRecord(ctx context.Context) (*Checkpoint, error) {
	var rec *Checkpoint
	err := s.Read(ctx, func(t *Tx) (err error) {
		// A copy of a database older than the checkpoints (checked before
		// its upgrade) was never keyed.
		var keyed bool
		if err := t.row(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_checkpoints')`).Scan(&keyed); err != nil || !keyed {
			return err
		}
		rec, err = optional(ctx, t, scanCheckpoint, `SELECT `+checkpointCols+` FROM audit_checkpoints WHERE kind = 'key' ORDER BY id LIMIT 1`)
		return err
	})
	return rec, err
}

const checkpointCols = `kind, db_id, audit_id, hash, at, mac`

func scanCheckpoint(sc scanner) (Checkpoint, error) {
	var c Checkpoint
	err := sc.Scan(&c.Kind, &c.DBID, &c.AuditID, &c.Hash, &c.At, &c.MAC)
	return c, err
}

// keyRecordLost reports a database without a key record that shows it had
// one: records sealed with a key, or lines for its path in the checkpoint
// file. Making a new key record then would bless whatever was done to it.
// A database this Open made new is a new database (verify still tells of
// the checkpoints of the one that was at its path before).
func (s *Store) keyRecordLost(ctx context.Context, k *sealer) (bool, string, error) {
	if s.created {
		return false, "", nil
	}
	var keyed bool
	err := s.Read(ctx, func(t *Tx) error {
		return t.row(ctx, `SELECT EXISTS (SELECT 1 FROM audit_log WHERE hash LIKE 'k:%')`).Scan(&keyed)
	})
	if err != nil || keyed {
		return keyed, "records sealed with a key, and no key record", err
	}
	lines, err := readCheckpointFile(k.files.Checkpoints, func(_ Checkpoint, tag string) bool { return tag == k.tag })
	if len(lines) > 0 {
		return true, fmt.Sprintf("%s holds checkpoints of this database, and the database no key record", k.files.Checkpoints), err
	}
	return false, "", err
}

// introduceKey writes the key record: records up to the present head were
// sealed without the key, every later one will be sealed with it.
func (s *Store) introduceKey(ctx context.Context, k *sealer) error {
	id := make([]byte, 8)
	if _, err := rand.Read(id); err != nil {
		return err
	}
	k.dbID = hex.EncodeToString(id)
	var rec Checkpoint
	err := s.writeWith(ctx, false, func(t *Tx) (err error) {
		rec, err = k.signChainHead(ctx, t, "key")
		return err
	})
	if err != nil {
		return err
	}
	k.keyRecord, k.switchAt, k.state = &rec, rec.AuditID, KeyOK
	k.appendFile(rec)
	return nil
}

// chainHead is the last audit record's id and hash (0 and "" before any).
func chainHead(ctx context.Context, t *Tx) (int64, string, error) {
	var id int64
	var hash sql.NullString
	err := t.row(ctx, `SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&id, &hash)
	if noRow(err) {
		return 0, "", nil
	}
	return id, hash.String, err
}

func insertCheckpoint(ctx context.Context, t *Tx, c Checkpoint) error {
	_, err := t.exec(ctx, `INSERT INTO audit_checkpoints(kind, db_id, audit_id, hash, at, mac) VALUES (?, ?, ?, ?, ?, ?)`,
		c.Kind, c.DBID, c.AuditID, c.Hash, c.At, c.MAC)
	return err
}

// appendFile adds c to the checkpoint file, made readable by this account
// only. A failure is kept for verify to report: the database is written
// already.
func (k *sealer) appendFile(c Checkpoint) {
	if k.files == nil || k.files.Checkpoints == "" {
		return
	}
	err := os.MkdirAll(filepath.Dir(k.files.Checkpoints), 0o700)
	if err == nil {
		var f *os.File
		f, err = os.OpenFile(k.files.Checkpoints, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
		if err == nil {
			_, err = f.WriteString(c.fileLine(k.tag))
			err = errors.Join(err, f.Close())
		}
	}
	k.mu.Lock()
	k.fileErr = err
	k.mu.Unlock()
}

// readCheckpointFile returns the file's checkpoints that keep says to;
// lines that do not parse are skipped. A missing file holds none.
func readCheckpointFile(path string, keep func(Checkpoint, string) bool) ([]Checkpoint, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Checkpoint
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if c, tag, err := parseCheckpoint(sc.Text()); err == nil && keep(c, tag) {
			out = append(out, c)
		}
	}
	return out, sc.Err()
}
