package backups

import (
	"encoding/json"
	"errors"
	"os"
	"time"
)

// Status is how the last scheduled backup went, kept in a small file
// beside the database (StatusPath) so that `orderdesk backup status` and
// every desk can tell, not only the server that took it.
type Status struct {
	At      time.Time `json:"at"`              // when the last attempt ended
	OK      bool      `json:"ok"`              // it wrote a whole, checked copy
	Error   string    `json:"error,omitempty"` // why not, in the server's words
	File    string    `json:"file,omitempty"`  // the copy written
	Size    int64     `json:"size,omitempty"`
	AuditID int64     `json:"audit_id,omitempty"` // the chain position the copy holds
	Hash    string    `json:"audit_hash,omitempty"`
	// LastOK is when a backup last succeeded (zero if never), so a
	// failure also says how old the newest good copy is.
	LastOK     time.Time `json:"last_ok,omitzero"`
	LastOKFile string    `json:"last_ok_file,omitempty"`
}

// Failed reports whether the last attempt failed.
func (s Status) Failed() bool { return !s.At.IsZero() && !s.OK }

// StatusPath is the status file of the database at dbPath.
func StatusPath(dbPath string) string { return dbPath + ".backup.json" }

// ReadStatus reads the status file of the database at dbPath; ok is
// false when no scheduled backup has run yet.
func ReadStatus(dbPath string) (st Status, ok bool, err error) {
	b, err := os.ReadFile(StatusPath(dbPath))
	if errors.Is(err, os.ErrNotExist) {
		return Status{}, false, nil
	}
	if err != nil {
		return Status{}, false, err
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return Status{}, false, err
	}
	return st, true, nil
}

// WriteStatus replaces the status file of the database at dbPath whole
// (written aside, then renamed), so a reader never sees half of it.
func WriteStatus(dbPath string, st Status) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	tmp := StatusPath(dbPath) + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, StatusPath(dbPath))
}
