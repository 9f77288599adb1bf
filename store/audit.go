package store

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strconv"
	"strings"
	"time"
)

// AuditRecord is one entry of the audit trail: who, when, what, before and
// after (JSON images of the row).
type AuditRecord struct {
	ID       int64
	At       time.Time
	ActorID  int64
	Actor    string
	Table    string
	RowID    int64
	Op       string
	Before   string
	After    string
	PrevHash string
	Hash     string
}

type auditRow struct {
	id                        int64
	at                        string
	actor                     sql.NullInt64
	tbl                       string
	rowID                     int64
	op                        string
	before, after, prev, hash sql.NullString
}

// digest is the hash of a record: its fields and the previous hash, each
// length-prefixed so no two different records hash the same input.
func (r auditRow) digest(prev string) string { return hex.EncodeToString(r.sum(sha256.New(), prev)) }

// keyedDigest is the record's seal under the audit key: the same input,
// HMAC-SHA256, marked so that a reader knows which seal a record carries.
func (r auditRow) keyedDigest(key []byte, prev string) string {
	return keyedPrefix + hex.EncodeToString(r.sum(hmac.New(sha256.New, key), prev))
}

func (r auditRow) sum(h hash.Hash, prev string) []byte {
	field := func(s string, valid bool) {
		if !valid {
			h.Write([]byte("-1:"))
			return
		}
		h.Write([]byte(strconv.Itoa(len(s)) + ":" + s))
	}
	field(strconv.FormatInt(r.id, 10), true)
	field(r.at, true)
	field(strconv.FormatInt(r.actor.Int64, 10), r.actor.Valid)
	field(r.tbl, true)
	field(strconv.FormatInt(r.rowID, 10), true)
	field(r.op, true)
	field(r.before.String, r.before.Valid)
	field(r.after.String, r.after.Valid)
	field(prev, true)
	return h.Sum(nil)
}

const auditCols = `id, at, actor_id, tbl, row_id, op, before, after, prev_hash, hash`

func scanAudit(rows *sql.Rows) (auditRow, error) {
	var r auditRow
	err := rows.Scan(&r.id, &r.at, &r.actor, &r.tbl, &r.rowID, &r.op, &r.before, &r.after, &r.prev, &r.hash)
	return r, err
}

// auditFloor returns the highest audit id at the start of a write
// transaction (0 before the first migration made the table). BEGIN
// IMMEDIATE holds the write lock from here on, so every record above it
// is this transaction's. Whether the table exists is looked up in the
// schema (a scan of every trigger's text) only until it does: nothing
// drops it after.
func (s *Store) auditFloor(ctx context.Context, t *Tx) (int64, error) {
	if !s.auditMade.Load() {
		var exists bool
		err := t.row(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log')`).Scan(&exists)
		if err != nil || !exists {
			return 0, err
		}
		s.auditMade.Store(true)
	}
	var max int64
	err := t.row(ctx, `SELECT coalesce(max(id), 0) FROM audit_log`).Scan(&max)
	return max, err
}

// sealAudit chains the records written by this transaction: each gets the
// hash of the one before it and its own hash. The audit table's trigger
// lets a record be sealed once and never changed after. Records written
// around orderdesk (by a script, say) are left unsealed on purpose, so
// VerifyAudit keeps pointing at them instead of a later write vouching
// for them. The chain is worked out here and written back in one
// statement, however many records the transaction wrote.
func sealAudit(ctx context.Context, t *Tx) error {
	pending, prev, err := unsealedAudit(ctx, t)
	if err != nil || len(pending) == 0 {
		return err
	}
	seals := make([]byte, 0, len(pending)*160)
	seals = append(seals, '[')
	for i, r := range pending {
		h := r.digest(prev)
		if t.seal.keyed() {
			h = r.keyedDigest(t.seal.recordKey, prev)
		}
		if i > 0 {
			seals = append(seals, ',')
		}
		seals = appendSeal(seals, r.id, prev, h)
		prev = h
	}
	seals = append(seals, ']')
	res, err := t.exec(ctx, sealQuery[t.pg], string(seals))
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != int64(len(pending)) {
		return errors.Join(err, fmt.Errorf("sealed %d of %d audit records", n, len(pending)))
	}
	return t.seal.signHead(ctx, t, pending[len(pending)-1].id, prev)
}

// sealQuery writes a transaction's seals back in one statement, per
// engine: SQLite reads the JSON array with json_each, PostgreSQL with
// json_array_elements.
var sealQuery = map[bool]string{
	false: `UPDATE audit_log SET prev_hash = s.prev, hash = s.hash
	  FROM (SELECT value ->> 0 AS id, value ->> 1 AS prev, value ->> 2 AS hash FROM json_each(?)) s
	 WHERE audit_log.id = s.id`,
	true: `UPDATE audit_log SET prev_hash = s.prev, hash = s.hash
	  FROM (SELECT (value ->> 0)::bigint AS id, value ->> 1 AS prev, value ->> 2 AS hash FROM json_array_elements(?::json) AS value) s
	 WHERE audit_log.id = s.id`,
}

// unsealedAudit reads the records this transaction wrote, in order, and
// the hash of the last sealed record before them, which the first one
// links to ("" at the start of the chain).
func unsealedAudit(ctx context.Context, t *Tx) ([]auditRow, string, error) {
	rows, err := t.query(ctx, `SELECT `+auditCols+`,
	       coalesce((SELECT hash FROM audit_log WHERE id <= ?1 AND hash IS NOT NULL ORDER BY id DESC LIMIT 1), '')
	  FROM audit_log WHERE id > ?1 AND hash IS NULL ORDER BY id`, t.auditFloor)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	var pending []auditRow
	var prev string
	for rows.Next() {
		var r auditRow
		if err := rows.Scan(&r.id, &r.at, &r.actor, &r.tbl, &r.rowID, &r.op, &r.before, &r.after, &r.prev, &r.hash, &prev); err != nil {
			return nil, "", err
		}
		pending = append(pending, r)
	}
	return pending, prev, rows.Err()
}

// appendSeal appends one record's seal as the JSON array [id, prev,
// hash]. Hashes are hex, keyed ones behind "k:", so they need no
// escaping.
func appendSeal(b []byte, id int64, prev, hash string) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, id, 10)
	b = append(b, ',', '"')
	b = append(b, prev...)
	b = append(b, '"', ',', '"')
	b = append(b, hash...)
	return append(b, '"', ']')
}

// History lists the audit records of one row, newest first.
func (t *Tx) History(ctx context.Context, table string, rowID int64, limit int) ([]AuditRecord, error) {
	return queryAll(ctx, t, scanAuditRecord, `SELECT a.id, a.at, coalesce(a.actor_id, 0), coalesce(u.name, ''), a.tbl, a.row_id, a.op,
	       coalesce(a.before, ''), coalesce(a.after, ''), coalesce(a.prev_hash, ''), coalesce(a.hash, '')
	  FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
	 WHERE a.tbl = ? AND a.row_id = ? ORDER BY a.id DESC LIMIT ?`, table, rowID, limit)
}

// String renders a record on one line for the command line.
func (r AuditRecord) String() string {
	return strings.TrimSpace(fmt.Sprintf("#%d %s %s %s %s/%d", r.ID, r.At.Format(time.RFC3339), r.Actor, r.Op, r.Table, r.RowID))
}

// scanAuditRecord reads one audit record with its actor's name.
func scanAuditRecord(sc scanner) (AuditRecord, error) {
	var r AuditRecord
	var at string
	err := sc.Scan(&r.ID, &at, &r.ActorID, &r.Actor, &r.Table, &r.RowID, &r.Op, &r.Before, &r.After, &r.PrevHash, &r.Hash)
	r.At = parseStamp(at)
	return r, err
}
