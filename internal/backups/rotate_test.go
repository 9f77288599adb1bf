package backups

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestKeep(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name           string
		taken          []string
		daily, monthly int
		want           []string
	}{
		{"nothing taken", nil, 7, 12, nil},
		{"fewer than kept", []string{"2026-12-01 02:00", "2026-12-02 02:00"}, 7, 12, []string{"2026-12-01 02:00", "2026-12-02 02:00"}},
		{"the newest of a day", []string{"2026-12-06 02:00", "2026-12-06 14:00", "2026-12-05 02:00"}, 7, 0, []string{"2026-12-05 02:00", "2026-12-06 14:00"}},
		{"the last three days", []string{"2026-12-01 02:00", "2026-12-02 02:00", "2026-12-03 02:00", "2026-12-04 02:00", "2026-12-06 02:00"}, 3, 0,
			[]string{"2026-12-03 02:00", "2026-12-04 02:00", "2026-12-06 02:00"}},
		{"days then months", []string{
			"2026-09-10 02:00", "2026-09-30 02:00", "2026-10-15 02:00", "2026-10-31 02:00",
			"2026-11-29 02:00", "2026-11-30 02:00", "2026-12-01 02:00", "2026-12-02 02:00",
		}, 2, 3, []string{"2026-10-31 02:00", "2026-11-30 02:00", "2026-12-01 02:00", "2026-12-02 02:00"}},
		{"a year of months", []string{"2025-11-30 02:00", "2025-12-31 02:00", "2026-01-31 02:00", "2026-02-28 02:00"}, 1, 2,
			[]string{"2026-01-31 02:00", "2026-02-28 02:00"}},
		{"the newest is kept whatever the counts", []string{"2026-12-05 02:00", "2026-12-06 02:00"}, 0, 0, []string{"2026-12-06 02:00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var times []time.Time
			for _, s := range tt.taken {
				times = append(times, at(s))
			}
			keep := Keep(times, tt.daily, tt.monthly)
			var got []string
			for _, tm := range times {
				if keep[tm] {
					got = append(got, tm.Format("2006-01-02 15:04"))
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("kept %v, want %v", got, tt.want)
			}
		})
	}
}

// TestRotateTouchesOnlyItsOwnFiles: other files in the folder, another
// database's backups and a half-written copy are left alone.
func TestRotateTouchesOnlyItsOwnFiles(t *testing.T) {
	dir := t.TempDir()
	n := NamingFor(dir, "/srv/orderdesk/desk.db")
	day := time.Date(2026, 12, 1, 2, 0, 0, 0, time.Local)
	var ours []string
	for i := range 5 {
		p := n.Path(day.AddDate(0, 0, i))
		ours = append(ours, p)
		os.WriteFile(p, []byte("x"), 0o600)
	}
	others := []string{"notes.txt", "desk-backup-20261201-020000.db.partial", "shop-backup-20261201-020000.db", "desk-backup-latest.db"}
	for _, o := range others {
		os.WriteFile(filepath.Join(dir, o), []byte("x"), 0o600)
	}
	removed, err := Rotate(n, 2, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(removed, ours[:3]) {
		t.Errorf("removed %v, want %v", removed, ours[:3])
	}
	for _, p := range append(ours[3:], others...) {
		if _, err := os.Stat(filepath.Join(dir, filepath.Base(p))); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// TestDumpNaming: a PostgreSQL database's archives are named by the
// database, end in .dump, and rotate among themselves: a SQLite backup
// of the same name beside them is not one of them.
func TestDumpNaming(t *testing.T) {
	dir := t.TempDir()
	n := NamingForDump(dir, "orderdesk")
	day := time.Date(2026, 12, 1, 2, 0, 0, 0, time.Local)
	if p := n.Path(day); p != filepath.Join(dir, "orderdesk-backup-20261201-020000.dump") {
		t.Fatalf("path %s", p)
	}
	for i := range 3 {
		os.WriteFile(n.Path(day.AddDate(0, 0, i)), []byte("x"), 0o600)
	}
	file := filepath.Join(dir, "orderdesk-backup-20261201-020000.db")
	os.WriteFile(file, []byte("x"), 0o600)
	removed, err := Rotate(n, 1, 0)
	if err != nil || len(removed) != 2 {
		t.Fatalf("removed %v, %v", removed, err)
	}
	if _, err := os.Stat(file); err != nil {
		t.Errorf("the file's backup: %v", err)
	}
}
