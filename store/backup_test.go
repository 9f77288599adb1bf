package store_test

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// auditHead is the live chain's last record and its hash.
func auditHead(t *testing.T, db *sql.DB) (int64, string) {
	t.Helper()
	var id int64
	var hash string
	if err := db.QueryRow(`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&id, &hash); err != nil {
		t.Fatal(err)
	}
	return id, hash
}

func TestBackupWritesACheckedCopy(t *testing.T) {
	v := newEnv(t)
	out := filepath.Join(t.TempDir(), "copy.db")
	info, err := v.st.Backup(v.ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	id, hash := auditHead(t, storetest.ReadOnly(t, v.path))
	if info.AuditID != id || info.AuditHash != hash || info.AuditRecords != id {
		t.Errorf("backup holds audit #%d %s (%d records), the database #%d %s", info.AuditID, info.AuditHash, info.AuditRecords, id, hash)
	}
	st, err := os.Stat(out)
	if err != nil || st.Size() != info.Size || info.SchemaVersion != store.SchemaVersion() {
		t.Errorf("info %+v, file %v %v", info, st, err)
	}
	if _, err := os.Stat(out + ".partial"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the partial copy is left behind: %v", err)
	}
	if _, err := store.CheckBackup(v.ctx, out); err != nil {
		t.Errorf("the copy does not check: %v", err)
	}
	if _, err := v.st.Backup(v.ctx, out); !errors.Is(err, store.ErrDuplicate) {
		t.Errorf("a second backup over the first: %v, want ErrDuplicate", err)
	}
}

// backupOf writes a backup of a fresh env and returns its path, with
// the env.
func backupOf(t *testing.T) (*env, string) {
	t.Helper()
	v := newEnv(t)
	out := filepath.Join(t.TempDir(), "copy.db")
	if _, err := v.st.Backup(v.ctx, out); err != nil {
		t.Fatal(err)
	}
	return v, out
}

// damage overwrites n bytes in the middle of the file at path.
func damage(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i * 7)
	}
	// Pages past the schema's: the file still opens, its b-trees do not add up.
	if _, err := f.WriteAt(junk, st.Size()/2/4096*4096); err != nil {
		t.Fatal(err)
	}
}

func TestRestoreRefuses(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		file func(t *testing.T, dir string) string
		want store.BackupProblem
	}{
		{"no such file", func(t *testing.T, dir string) string { return filepath.Join(dir, "gone.db") }, store.BackupMissing},
		{"a text file", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "notes.db")
			os.WriteFile(p, []byte("客户名单\n"), 0o644)
			return p
		}, store.BackupNotSQLite},
		{"an empty file", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "empty.db")
			os.WriteFile(p, nil, 0o644)
			return p
		}, store.BackupNotSQLite},
		{"another program's database", func(t *testing.T, dir string) string {
			if envsOnPostgres() {
				return dumpWith(t, filepath.Join(dir, "other.dump"), `CREATE TABLE songs(title text)`)
			}
			p := filepath.Join(dir, "other.db")
			db := storetest.Raw(t, p)
			if _, err := db.Exec(`CREATE TABLE songs(title TEXT); PRAGMA user_version = 3`); err != nil {
				t.Fatal(err)
			}
			return p
		}, store.BackupOtherProgram},
		{"the other engine's backup", func(t *testing.T, dir string) string {
			if envsOnPostgres() {
				p := filepath.Join(dir, "desk.db")
				newDBAt(t, p)
				return p
			}
			// What a pg_dump archive opens with, and no more: refused
			// for what it says it is.
			p := filepath.Join(dir, "desk.dump")
			os.WriteFile(p, []byte("PGDMP\x01\x0f"), 0o600)
			return p
		}, store.BackupOtherEngine},
		{"damaged", func(t *testing.T, dir string) string {
			_, p := backupOf(t)
			damage(t, p)
			return p
		}, store.BackupDamaged},
		{"newer than this program", func(t *testing.T, dir string) string {
			if envsOnPostgres() {
				// Backup itself refuses to keep it: pg_dump alone writes it.
				v := newEnv(t)
				execAll(t, raw(t, v.path), fmt.Sprintf(`UPDATE schema_version SET version = %d`, store.SchemaVersion()+1))
				p := filepath.Join(dir, "newer.dump")
				if err := store.DumpPostgres(v.ctx, v.path, p); err != nil {
					t.Fatal(err)
				}
				return p
			}
			_, p := backupOf(t)
			if _, err := storetest.Raw(t, p).Exec(fmt.Sprintf(`PRAGMA user_version = %d`, store.SchemaVersion()+1)); err != nil {
				t.Fatal(err)
			}
			return p
		}, store.BackupTooNew},
		{"audit chain broken", func(t *testing.T, dir string) string {
			v := newEnv(t)
			// Written around orderdesk: the trigger logs it, nobody seals it.
			if _, err := raw(t, v.path).Exec(`UPDATE customers SET phone = '110' WHERE id = ?`, v.custID); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, "copy.db")
			// The copy is kept, and said to be broken.
			if _, err := v.st.Backup(v.ctx, p); err == nil {
				t.Fatal("a backup of a broken chain was reported whole")
			}
			return p
		}, store.BackupAuditBroken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := tt.file(t, dir)
			target := newTarget(t)
			before := target.state()
			_, err := store.Restore(ctx, file, target.path, time.Now())
			if got, _ := store.IsBackupProblem(err); got != tt.want {
				t.Fatalf("restore %s: %v, want %s", tt.name, err, tt.want)
			}
			if tt.want == store.BackupTooNew && !errors.Is(err, store.ErrTooNew) {
				t.Errorf("a newer backup's refusal is not ErrTooNew: %v", err)
			}
			if after := target.state(); after != before {
				t.Error("a refused restore changed the database")
			}
		})
	}
}

// newDBAt makes an orderdesk database at path, closes it and returns
// its bytes.
func newDBAt(t *testing.T, path string) []byte {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return readFile(t, path)
}

// TestRestoreRefusesWhileServed: a restore never pulls a database from
// under a server. A file's server holds its lock, which restore takes;
// PostgreSQL's servers hold none (several share one database), and a
// restore there only ever fills an empty database: the served one is
// refused and untouched, a new one is filled.
func TestRestoreRefusesWhileServed(t *testing.T) {
	engines(t, func(t *testing.T) {
		if envsOnPostgres() {
			v, file := backupOf(t)
			refusedIntoLive(t, v, file)
			if _, err := store.Restore(v.ctx, file, emptyTarget(t), time.Now()); err != nil {
				t.Errorf("restore into an empty database: %v", err)
			}
			return
		}
		restoreRefusesWhileServed(t)
	})
}

// refusedIntoLive: restoring into the env's own database, which a store
// holds open, is refused with ErrNotEmpty and changes nothing in it; the
// store writes on.
func refusedIntoLive(t *testing.T, v *env, file string) {
	t.Helper()
	sum := summary{`SELECT count(*) || ':' || max(id) FROM audit_log`, `SELECT count(*) FROM customers`}
	before := sum.of(t, raw(t, v.path))
	if _, err := store.Restore(v.ctx, file, v.path, time.Now()); !errors.Is(err, store.ErrNotEmpty) {
		t.Errorf("restore into the database in use: %v, want ErrNotEmpty", err)
	}
	if after := sum.of(t, raw(t, v.path)); after != before {
		t.Errorf("a refused restore changed the database:\nbefore %s\nafter  %s", before, after)
	}
	if _, _, err := v.e.Desk(v.clerk).CreateCustomer(v.ctx, workflowInput("恢复之后客户")); err != nil {
		t.Errorf("the database after a refused restore: %v", err)
	}
}

func restoreRefusesWhileServed(t *testing.T) {
	_, file := backupOf(t)
	db := filepath.Join(t.TempDir(), "desk.db")
	newDBAt(t, db)
	lock, err := store.LockServe(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Restore(context.Background(), file, db, time.Now()); !errors.Is(err, store.ErrInUse) {
		t.Errorf("restore under a server: %v, want ErrInUse", err)
	}
	if _, err := store.LockServe(db); !errors.Is(err, store.ErrInUse) {
		t.Errorf("a second server: %v, want ErrInUse", err)
	}
	lock.Release()
	// A lock file left behind by a server that ended is no lock.
	if _, err := os.Stat(store.LockPath(db)); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Restore(context.Background(), file, db, time.Now()); err != nil {
		t.Errorf("restore after the server ended: %v", err)
	}
}

// TestRestoreKeepsTheCurrentDatabaseAside: a restore loses no
// database. A file replaced is renamed aside; on PostgreSQL a database
// holding tables is never replaced (refused, untouched) and the backup
// fills a new one. Either way the restored database verifies and holds
// the backup's documents.
func TestRestoreKeepsTheCurrentDatabaseAside(t *testing.T) {
	engines(t, func(t *testing.T) {
		v, file := backupOf(t)
		ctx := v.ctx
		db := emptyTarget(t)
		if envsOnPostgres() {
			refusedIntoLive(t, v, file)
		} else {
			before := newDBAt(t, db)
			now := time.Date(2026, 12, 6, 2, 30, 0, 0, time.UTC)
			res, err := store.Restore(ctx, file, db, now)
			if err != nil {
				t.Fatal(err)
			}
			if want := db + ".before-restore-20261206T023000Z"; res.Aside != want {
				t.Errorf("aside at %q, want %q", res.Aside, want)
			}
			if string(readFile(t, res.Aside)) != string(before) {
				t.Error("the database set aside is not the one replaced")
			}
		}
		if envsOnPostgres() {
			if _, err := store.Restore(ctx, file, db, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		st, err := store.OpenURL(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if res, err := st.VerifyAudit(ctx); err != nil || res.BrokenAt != 0 || res.Checked == 0 {
			t.Errorf("restored chain: %+v %v", res, err)
		}
		var name string
		if err := st.Read(ctx, func(tx *store.Tx) error {
			c, err := tx.Customer(ctx, v.custID)
			name = c.Name
			return err
		}); err != nil || name != "沈阳钢铁有限公司" {
			t.Errorf("restored customer %q, %v", name, err)
		}
	})
}

// TestUpgradeTakesABackupFirst: a database from before the weighing
// migration is copied beside itself, checked, before it is upgraded. On
// PostgreSQL the desk opens no older database (its owner upgrades it
// with db setup, in one transaction, so there is no half-upgraded
// database for a copy to save): it is refused and left as it was.
func TestUpgradeTakesABackupFirst(t *testing.T) {
	v := newEnv(t)
	v.st.Close()
	if envsOnPostgres() {
		older := raw(t, v.path)
		execAll(t, older, `UPDATE schema_version SET version = 8`)
		sum := summary{`SELECT string_agg(tablename::text, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = current_schema()`,
			`SELECT count(*) || ':' || max(id) FROM audit_log`, `SELECT max(version) FROM schema_version`}
		before := sum.of(t, older)
		if st, err := store.OpenURL(v.ctx, v.path); !errors.Is(err, store.ErrSchemaOld) {
			if st != nil {
				st.Close()
			}
			t.Fatalf("an older PostgreSQL database opened: %v, want it refused until db setup upgrades it", err)
		}
		if after := sum.of(t, older); after != before {
			t.Errorf("the refused open changed the database:\nbefore %s\nafter  %s", before, after)
		}
		return
	}
	db := raw(t, v.path)
	for _, s := range append(storetest.UndoToSchema8(t, db), `PRAGMA user_version = 8`) {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	db.Close()
	st, err := store.Open(v.ctx, v.path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	info, from, auditErr, ok := st.UpgradeBackup()
	want := fmt.Sprintf("%s.before-v%d.bak", v.path, store.SchemaVersion())
	if !ok || from != 8 || auditErr != nil || info.Path != want {
		t.Fatalf("upgrade backup %+v from %d (%v, %v), want at %s", info, from, auditErr, ok, want)
	}
	checked, err := store.CheckBackup(v.ctx, want)
	if err != nil || checked.SchemaVersion != 8 {
		t.Errorf("the copy before the upgrade: version %d, %v", checked.SchemaVersion, err)
	}
	// Opening it again upgrades nothing and copies nothing.
	st.Close()
	again, err := store.Open(v.ctx, v.path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if _, _, _, ok := again.UpgradeBackup(); ok {
		t.Error("a database already up to date was copied again")
	}
	if _, _, _, ok := v.st.UpgradeBackup(); ok {
		t.Error("a new database was copied before its first migration")
	}
}

// TestRestoreRefusesAnOpenDatabase: a desk or a command in another
// process has the database open (no server lock): restore says so and
// leaves it alone, and goes ahead once it is closed. On PostgreSQL a
// desk that opened the database made its schema there: restore refuses
// it as not empty, while it is open and after, and the desk's database
// stays as it was.
func TestRestoreRefusesAnOpenDatabase(t *testing.T) {
	if path := os.Getenv("ORDERDESK_HOLD_DB"); path != "" {
		holdOpen(t, path)
		return
	}
	engines(t, func(t *testing.T) {
		if !envsOnPostgres() {
			restoreRefusesAnOpenDatabase(t)
			return
		}
		_, file := backupOf(t)
		target := storetest.Postgres(t)
		desk, err := store.OpenURL(context.Background(), target)
		if err != nil {
			t.Fatal(err)
		}
		before := tablesOf(t, target)
		for _, open := range []bool{true, false} {
			if !open {
				desk.Close()
			}
			if _, err := store.Restore(context.Background(), file, target, time.Now()); !errors.Is(err, store.ErrNotEmpty) {
				t.Errorf("restore over a desk's database (open %v): %v, want ErrNotEmpty", open, err)
			}
		}
		if after := tablesOf(t, target); after != before {
			t.Errorf("a refused restore changed the desk's database: %s, was %s", after, before)
		}
	})
}

func restoreRefusesAnOpenDatabase(t *testing.T) {
	_, file := backupOf(t)
	db := filepath.Join(t.TempDir(), "desk.db")
	newDBAt(t, db)
	holder := exec.Command(os.Args[0], "-test.run=^TestRestoreRefusesAnOpenDatabase$")
	holder.Env = append(os.Environ(), "ORDERDESK_HOLD_DB="+db)
	stdin, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || line != "open\n" {
		t.Fatalf("the other process: %q %v", line, err)
	}
	var inUse *store.InUseError
	if _, err := store.Restore(context.Background(), file, db, time.Now()); !errors.As(err, &inUse) || !inUse.Open {
		t.Errorf("restore under an open desk: %v, want InUseError{Open}", err)
	}
	stdin.Close()
	if err := holder.Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Restore(context.Background(), file, db, time.Now()); err != nil {
		t.Errorf("restore once the desk closed: %v", err)
	}
}

// holdOpen keeps the database at path open until stdin closes.
func holdOpen(t *testing.T, path string) {
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fmt.Println("open")
	io.Copy(io.Discard, os.Stdin)
}

// TestBackupKeepsEveryCharacter: records whose images hold backslashes,
// quotes and line breaks (escaped once by JSON, again by pg_dump's COPY
// text) verify in the backup as they were sealed.
func TestBackupKeepsEveryCharacter(t *testing.T) {
	v := newEnv(t)
	for _, name := range []string{`C:\订单\2025 "一号" 钢厂`, "O'Brien\t& Sons", `反斜杠\\N 结尾\`} {
		if _, _, err := v.e.Desk(v.clerk).CreateCustomer(v.ctx, workflowInput(name)); err != nil {
			t.Fatalf("%q: %v", name, err)
		}
	}
	info, err := v.st.Backup(v.ctx, filepath.Join(t.TempDir(), "copy.db"))
	if err != nil {
		t.Fatal(err)
	}
	if id, hash := auditHead(t, raw(t, v.path)); info.AuditID != id || info.AuditHash != hash {
		t.Errorf("backup holds #%d %s, the database #%d %s", info.AuditID, info.AuditHash, id, hash)
	}
}
