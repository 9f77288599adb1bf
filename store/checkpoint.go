package store

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Checkpoint is a signed statement that audit record AuditID had hash
// Hash at time At. Kind "key" marks where keyed sealing began; "head" is
// the chain's head after a write; "restore" the head of a database put
// back from a backup. DBID names the database it belongs to,
// so one checkpoint file can serve several databases.
type Checkpoint struct {
	Kind    string
	DBID    string
	AuditID int64
	Hash    string
	At      string // stamp format
	MAC     string
}

// message is what the MAC signs, each field on its own line: none of them
// may hold a newline (parseCheckpoint refuses one).
func (c Checkpoint) message() []byte {
	return []byte(strings.Join([]string{"orderdesk-checkpoint-v1", c.Kind, c.DBID, strconv.FormatInt(c.AuditID, 10), c.Hash, c.At}, "\n"))
}

func (c Checkpoint) sign(key []byte) Checkpoint {
	m := hmac.New(sha256.New, key)
	m.Write(c.message())
	c.MAC = hex.EncodeToString(m.Sum(nil))
	return c
}

func (c Checkpoint) signedBy(key []byte) bool {
	want := c.sign(key).MAC
	return hmac.Equal([]byte(want), []byte(c.MAC))
}

// String is the checkpoint on one short printable line, for backups and
// printed statements: enough of the hash and signature to compare with
// the database by eye.
func (c Checkpoint) String() string {
	at := parseStamp(c.At).Format("2006-01-02T15:04Z")
	return fmt.Sprintf("audit checkpoint #%d %s %s sig %s", c.AuditID, short(strings.TrimPrefix(c.Hash, keyedPrefix), 12), at, short(c.MAC, 12))
}

func short(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	if s == "" {
		return "-"
	}
	return s
}

// fileLine is the checkpoint as the checkpoint file keeps it; tag names
// the database's path, to find the lines of a database whose own record
// of its key was removed.
func (c Checkpoint) fileLine(tag string) string {
	hash := c.Hash
	if hash == "" {
		hash = "-"
	}
	return strings.Join([]string{"orderdesk-checkpoint", "1", c.Kind, c.DBID, tag, strconv.FormatInt(c.AuditID, 10), hash, c.At, c.MAC}, " ") + "\n"
}

var errBadCheckpointLine = errors.New("not a checkpoint line")

// parseCheckpoint reads one line of the checkpoint file. The file is
// outside the database and may be damaged or edited: any line that is not
// exactly what fileLine writes is refused.
func parseCheckpoint(line string) (c Checkpoint, tag string, err error) {
	f := strings.Split(strings.TrimRight(line, "\r\n"), " ")
	if len(f) != 9 || f[0] != "orderdesk-checkpoint" || f[1] != "1" || (f[2] != "key" && f[2] != "head" && f[2] != "restore") {
		return c, "", errBadCheckpointLine
	}
	id, err := strconv.ParseInt(f[5], 10, 64)
	if err != nil || id < 0 || strconv.FormatInt(id, 10) != f[5] {
		return c, "", errBadCheckpointLine
	}
	for _, s := range f[3:] {
		if s == "" || strings.ContainsAny(s, "\n\r\t") {
			return c, "", errBadCheckpointLine
		}
	}
	if _, err := time.Parse("2006-01-02T15:04:05.000Z", f[7]); err != nil {
		return c, "", errBadCheckpointLine
	}
	hash := f[6]
	if hash == "-" {
		hash = ""
	}
	return Checkpoint{Kind: f[2], DBID: f[3], AuditID: id, Hash: hash, At: f[7], MAC: f[8]}, f[4], nil
}
