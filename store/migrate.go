package store

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Migrations are plain SQL files named NNNN_what.sql, applied in order in
// one transaction, with the schema version kept in PRAGMA user_version.
// A runner this small is kept in-house because it must refuse a database
// newer than the binary before touching it, and regenerate the audit
// triggers from the final schema, which general-purpose tools do not do.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []migration
	for i, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s is out of sequence", base)
		}
		body, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: base, sql: string(body)})
	}
	return out, nil
}

// SchemaVersion is the newest schema this binary knows.
func SchemaVersion() int {
	ms, _ := loadMigrations()
	return len(ms)
}

// SchemaDigest names this binary's migrations by their names and text:
// two builds with the same number of migrations but different ones (a
// branch's renumbered 0020 against another's) have different digests.
func SchemaDigest() string {
	ms, _ := loadMigrations()
	h := sha256.New()
	for _, m := range ms {
		fmt.Fprintf(h, "%s\x00%s\x00", m.name, m.sql)
	}
	return hex.EncodeToString(h.Sum(nil))[:10]
}

func (s *Store) migrate(ctx context.Context) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	var have int
	// Read the version through the read-only pool first, so a database
	// that is too new is never touched by a writer.
	if err := s.read.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return classify(err)
	}
	want := len(ms)
	if have == 0 {
		// Version 0 is a new file, or some other program's database: never
		// write our schema into one that already holds tables.
		var objects int
		if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
			return classify(err)
		}
		if objects > 0 {
			return fmt.Errorf("%w (it holds another program's tables)", ErrNotDatabase)
		}
	}
	s.created = have == 0
	if have > want {
		return fmt.Errorf("%w (file schema %d, this program knows %d): upgrade orderdesk", ErrTooNew, have, want)
	}
	if have == want {
		// A file this process may write, in a folder it may write (the
		// WAL's files), needs no writer until the first save opens one:
		// opening it parses the whole schema, a third of a cold start.
		// Otherwise the writer is touched now, so what cannot be written
		// is reported at the start.
		if !s.readOnly && canWrite(filepath.Dir(s.path)) == nil {
			return nil
		}
		return classify(s.write.PingContext(ctx))
	}
	if s.readOnly {
		return fmt.Errorf("%w (file schema %d, this program's %d)", ErrNeedsUpgrade, have, want)
	}
	if err := s.backupBeforeUpgrade(ctx, have, want); err != nil {
		return err
	}
	return s.explain(s.writeWith(ctx, false, func(tx *Tx) error {
		for _, m := range ms[have:] {
			if err := tx.script(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, classify(err))
			}
		}
		if err := installTriggers(ctx, tx); err != nil {
			return err
		}
		err := tx.script(ctx, fmt.Sprintf("PRAGMA user_version = %d", want))
		return err
	}))
}
