// Package backups takes the office server's backups on its own: on a
// schedule, into one folder, keeping so many daily and monthly copies,
// and remembering how the last one went so a failure is never silent.
package backups

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// stampLayout is the time in a backup's name: sortable, no separators a
// shell or another system would trip on.
const stampLayout = "20060102-150405"

// Naming is how the backups of one database are named in a folder:
// PREFIX-20261206-020000.db, PREFIX being the database's name without
// its extension (.dump for a PostgreSQL database's pg_dump archive).
// Rotation deletes only files of this pattern.
type Naming struct {
	Dir    string
	Prefix string
	Ext    string // ".db" when empty
}

// NamingFor names the backups of the database at dbPath in dir.
func NamingFor(dir, dbPath string) Naming {
	base := filepath.Base(dbPath)
	return Naming{Dir: dir, Prefix: strings.TrimSuffix(base, filepath.Ext(base)) + "-backup"}
}

// NamingForDump names the pg_dump archives of the PostgreSQL database
// called name in dir.
func NamingForDump(dir, name string) Naming {
	return Naming{Dir: dir, Prefix: name + "-backup", Ext: ".dump"}
}

func (n Naming) ext() string {
	if n.Ext == "" {
		return ".db"
	}
	return n.Ext
}

// Path is the backup taken at t.
func (n Naming) Path(t time.Time) string {
	return filepath.Join(n.Dir, n.Prefix+"-"+t.Format(stampLayout)+n.ext())
}

// Parse reads the time out of a file name this naming made; ok is false
// for every other file.
func (n Naming) Parse(name string) (time.Time, bool) {
	stamp, found := strings.CutPrefix(name, n.Prefix+"-")
	if !found {
		return time.Time{}, false
	}
	stamp, found = strings.CutSuffix(stamp, n.ext())
	if !found || len(stamp) != len(stampLayout) {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(stampLayout, stamp, time.Local)
	return t, err == nil
}

// Taken lists the backups in the folder by this naming, with their
// times.
func (n Naming) Taken() (map[string]time.Time, error) {
	entries, err := os.ReadDir(n.Dir)
	if err != nil {
		return nil, err
	}
	out := map[string]time.Time{}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if t, ok := n.Parse(e.Name()); ok {
			out[filepath.Join(n.Dir, e.Name())] = t
		}
	}
	return out, nil
}
