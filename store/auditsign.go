package store

import (
	"context"
	"errors"
	"time"
)

// signHead, inside a write transaction that sealed records up to id with
// hash, signs a checkpoint of that head into the database when the last
// one is older than checkpointEvery; the write appends it to the
// checkpoint file once committed. A burst of writes costs one signature
// a second, and Close signs the last head.
func (k *sealer) signHead(ctx context.Context, t *Tx, id int64, hash string) error {
	if !k.keyed() {
		return nil
	}
	k.mu.Lock()
	k.dirty = true
	due := time.Since(k.last) >= checkpointEvery
	k.mu.Unlock()
	if !due {
		return nil
	}
	c := Checkpoint{Kind: "head", DBID: k.dbID, AuditID: id, Hash: hash, At: stamp(t.Now)}.sign(k.signKey)
	if err := insertCheckpoint(ctx, t, c); err != nil {
		return err
	}
	t.signed = &c
	return nil
}

// signChainHead signs a checkpoint of kind of the last audit record, and
// writes it into the database.
func (k *sealer) signChainHead(ctx context.Context, t *Tx, kind string) (Checkpoint, error) {
	id, hash, err := chainHead(ctx, t)
	if err != nil {
		return Checkpoint{}, err
	}
	c := Checkpoint{Kind: kind, DBID: k.dbID, AuditID: id, Hash: hash, At: stamp(t.Now)}.sign(k.signKey)
	return c, insertCheckpoint(ctx, t, c)
}

// committed records a checkpoint its transaction wrote, and copies it to
// the file outside the database.
func (k *sealer) committed(c *Checkpoint) {
	if c == nil {
		return
	}
	k.mu.Lock()
	k.last, k.dirty = time.Now(), false
	k.mu.Unlock()
	k.appendFile(*c)
}

// Checkpoint signs a checkpoint of the chain's head now and returns it;
// a store that cannot sign (read-only, or without its key) returns the
// newest one the database holds. Its String is the line printed on
// backups and statements.
func (s *Store) Checkpoint(ctx context.Context) (Checkpoint, error) {
	k := s.seal
	if k.keyed() && !s.readOnly {
		return s.signNow(ctx, "head")
	}
	var c *Checkpoint
	err := s.Read(ctx, func(t *Tx) (err error) {
		c, err = optional(ctx, t, scanCheckpoint, `SELECT `+checkpointCols+` FROM audit_checkpoints ORDER BY id DESC LIMIT 1`)
		return err
	})
	if err == nil && c == nil {
		return Checkpoint{}, ErrNoCheckpoint
	}
	if err != nil {
		return Checkpoint{}, err
	}
	return *c, nil
}

// MarkRestored signs, after the database was put back from a backup, that
// its chain now ends at its present head: checkpoints signed earlier of
// later records belonged to the chain that was let go, and verify holds
// the chain to them no more (it says so). Without the key nothing can be
// marked, and verify reports the cut tail.
func (s *Store) MarkRestored(ctx context.Context) (Checkpoint, error) {
	k := s.seal
	if !k.keyed() || s.readOnly {
		return Checkpoint{}, k.refusal()
	}
	return s.signNow(ctx, "restore")
}

// signNow signs a checkpoint of kind of the chain's head in a write of
// its own, into the database and the file.
func (s *Store) signNow(ctx context.Context, kind string) (Checkpoint, error) {
	var c Checkpoint
	err := s.writeWith(ctx, false, func(t *Tx) (err error) {
		c, err = s.seal.signChainHead(ctx, t, kind)
		t.signed = &c
		return err
	})
	return c, err
}

// ErrNoCheckpoint: the database has never been sealed with a key.
var ErrNoCheckpoint = errors.New("the audit trail has no signed checkpoint")

// KeyState says whether this store seals with the audit key, and if it
// cannot, why.
func (s *Store) KeyState() (KeyState, string) {
	if s.seal == nil {
		return KeyPlain, ""
	}
	return s.seal.state, s.seal.why
}

// closeSeal signs the head once more at shutdown when records were sealed
// since the last checkpoint.
func (s *Store) closeSeal() {
	k := s.seal
	if !k.keyed() || s.readOnly {
		return
	}
	k.mu.Lock()
	dirty := k.dirty
	k.mu.Unlock()
	if dirty {
		s.Checkpoint(context.Background())
	}
}
