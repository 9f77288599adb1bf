package store

import (
	"context"
	"strings"
)

// Ways the audit chain breaks, as VerifyResult.Problem names them.
const (
	BreakAltered   = "altered"              // a record's seal does not match its content
	BreakRemoved   = "removed or reordered" // a record's link does not match the one before it
	BreakUnsealed  = "unsealed"             // written around orderdesk and never sealed
	BreakResealed  = "resealed"             // sealed with plain SHA-256 where the key was due
	BreakRechained = "rechained"            // a signed checkpoint vouches for another hash
	BreakTailCut   = "tail cut"             // a signed checkpoint vouches for a record that is gone
	BreakForged    = "forged checkpoint"    // a checkpoint whose signature the key did not make
	BreakKeyLost   = "key record removed"   // keyed records, and no record of the key
)

// VerifyResult says whether the chain is whole and, if not, where it first
// breaks; whether its seal could be checked with the key; and what the
// schema check found.
type VerifyResult struct {
	Checked  int64
	BrokenAt int64  // id of the first bad record, 0 when the chain is whole
	Problem  string // one of the Break… words
	// TailAfter, for a cut tail, is the last record left.
	TailAfter int64
	// Key is whether the seal was checked with the key; KeyWhy says why not.
	Key    KeyState
	KeyWhy string
	// KeyedFrom is the first record due to be sealed with the key, 0 when
	// the database was never keyed.
	KeyedFrom int64
	// Checkpoint is the newest signed checkpoint the chain was held to.
	Checkpoint *Checkpoint
	// FileError says the checkpoint file could not be read or written.
	FileError string
	// Restored is the newest mark of a restore from a backup, if any.
	Restored *Checkpoint
	// EarlierAt, when not 0, is the last record that the checkpoint file
	// vouches for in another database once at this database's path: the
	// file was replaced by a new database, or one was made there anew.
	EarlierAt int64
	Schema    []SchemaProblem
}

// VerifyAudit walks the whole chain in order and reports the first record
// that was altered (its seal does not match its content), removed or
// reordered (its link does not match the record before it), never sealed
// (written around orderdesk), sealed without the key where the key was
// due, or that contradicts a signed checkpoint; then whether a signed
// checkpoint, in the database or in the file beside the key, vouches for
// records that are gone. It also checks the guards (CheckSchema).
func (s *Store) VerifyAudit(ctx context.Context) (VerifyResult, error) {
	k := s.seal
	res := VerifyResult{Key: k.state, KeyWhy: k.why}
	if k.switchAt >= 0 {
		res.KeyedFrom = k.switchAt + 1
	}
	var err error
	if res.Schema, err = s.CheckSchema(ctx); err != nil {
		return res, err
	}
	return s.walkChain(ctx, res)
}

// walkChain is VerifyAudit's walk of the chain and its checkpoints, the
// guards left aside: a backup taken by pg_dump is walked from the records
// it holds (checkDump), without a schema of its own to check.
func (s *Store) walkChain(ctx context.Context, res VerifyResult) (VerifyResult, error) {
	k := s.seal
	v := chainWalk{k: k, res: &res, expect: map[int64]string{}}
	if k.keyed() {
		if err := v.loadCheckpoints(ctx, s); err != nil {
			return res, err
		}
	}
	if res.BrokenAt != 0 {
		return res, nil
	}
	err := s.Read(ctx, func(t *Tx) error {
		rows, err := t.query(ctx, `SELECT `+auditCols+` FROM audit_log ORDER BY id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanAudit(rows)
			if err != nil {
				return err
			}
			if !v.next(r) {
				return nil
			}
		}
		return rows.Err()
	})
	switch {
	case err != nil || res.BrokenAt != 0:
	case res.Checkpoint != nil && res.Checkpoint.AuditID > v.last:
		res.BrokenAt, res.Problem, res.TailAfter = res.Checkpoint.AuditID, BreakTailCut, v.last
	case k.state == KeyLost && res.Checked > 0:
		// Checkpoints outside show the database was keyed; a plain chain
		// that verifies was sealed again, from its first record on.
		res.BrokenAt, res.Problem = 1, BreakKeyLost
	}
	return res, err
}

// chainWalk checks records one after the other.
type chainWalk struct {
	k      *sealer
	res    *VerifyResult
	expect map[int64]string // hashes signed checkpoints vouch for
	prev   string
	last   int64
}

// loadCheckpoints reads the signed checkpoints of the database and of the
// file, refusing any the key did not sign.
func (v *chainWalk) loadCheckpoints(ctx context.Context, s *Store) error {
	var cps []Checkpoint
	err := s.Read(ctx, func(t *Tx) (err error) {
		cps, err = queryAll(ctx, t, scanCheckpoint, `SELECT `+checkpointCols+` FROM audit_checkpoints ORDER BY id`)
		return err
	})
	if err != nil {
		return err
	}
	file, err := readCheckpointFile(v.k.files.Checkpoints, func(c Checkpoint, tag string) bool {
		if c.DBID != v.k.dbID && tag == v.k.tag && c.signedBy(v.k.signKey) {
			v.res.EarlierAt = max(v.res.EarlierAt, c.AuditID)
		}
		return c.DBID == v.k.dbID
	})
	if err != nil {
		v.res.FileError = err.Error()
	}
	v.k.mu.Lock()
	if v.k.fileErr != nil {
		v.res.FileError = v.k.fileErr.Error()
	}
	v.k.mu.Unlock()
	all := append(cps, file...)
	var restores []Checkpoint
	for _, c := range all {
		if c.DBID != v.k.dbID || !c.signedBy(v.k.signKey) {
			v.res.BrokenAt, v.res.Problem = c.AuditID, BreakForged
			return nil
		}
		if c.Kind == "restore" {
			restores = append(restores, c)
			if v.res.Restored == nil || c.At > v.res.Restored.At {
				v.res.Restored = &c
			}
		}
	}
	for _, c := range all {
		if voidedByRestore(c, restores) {
			continue
		}
		v.expect[c.AuditID] = c.Hash
		if v.res.Checkpoint == nil || c.AuditID > v.res.Checkpoint.AuditID ||
			(c.AuditID == v.res.Checkpoint.AuditID && c.At > v.res.Checkpoint.At) {
			v.res.Checkpoint = &c
		}
	}
	return nil
}

// voidedByRestore reports a checkpoint of a record beyond where a later
// restore put the chain back: it vouched for the chain that was let go.
func voidedByRestore(c Checkpoint, restores []Checkpoint) bool {
	for _, r := range restores {
		if r.At > c.At && c.AuditID > r.AuditID {
			return true
		}
	}
	return false
}

// next checks one record; false once the chain is broken.
func (v *chainWalk) next(r auditRow) bool {
	res := v.res
	res.Checked++
	v.last = r.id
	keyedDue := v.k.switchAt >= 0 && r.id > v.k.switchAt
	keyed := strings.HasPrefix(r.hash.String, keyedPrefix)
	switch {
	case !r.hash.Valid:
		res.Problem = BreakUnsealed
	case r.prev.String != v.prev:
		res.Problem = BreakRemoved
	case keyedDue && !keyed:
		res.Problem = BreakResealed
	case keyed && v.k.switchAt < 0:
		res.Problem = BreakKeyLost
	case keyed && !keyedDue:
		res.Problem = BreakAltered
	case keyed && v.k.keyed() && r.keyedDigest(v.k.recordKey, v.prev) != r.hash.String:
		res.Problem = BreakAltered
	case !keyed && r.digest(v.prev) != r.hash.String:
		res.Problem = BreakAltered
	}
	if h, ok := v.expect[r.id]; ok && res.Problem == "" && h != r.hash.String {
		res.Problem = BreakRechained
	}
	if res.Problem != "" {
		res.BrokenAt = r.id
		return false
	}
	v.prev = r.hash.String
	return true
}
