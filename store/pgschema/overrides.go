package pgschema

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"strings"
)

// A rule the translation carries wrongly is written by hand in
// overrides/<trigger>.sql. Its first line names the digest of the SQLite
// text it was written from: when a migration changes that trigger, the
// override no longer matches and generating the rules fails until it is
// looked at again.
//
//go:embed overrides/*.sql
var overrideFS embed.FS

// override is the hand-written form of trigger name, if there is one.
func override(name, sqlite string) (string, bool, error) {
	b, err := fs.ReadFile(overrideFS, "overrides/"+name+".sql")
	if err != nil {
		return "", false, nil
	}
	first, body, _ := strings.Cut(string(b), "\n")
	if want := sourceDigest(sqlite); !strings.HasPrefix(first, "-- from SQLite's text "+want) {
		return "", false, fmt.Errorf("overrides/%s.sql was written for another text of the trigger (now %s): check it against the new one and put the new digest in its first line", name, want)
	}
	return body, true, nil
}

func sourceDigest(sql string) string {
	sum := sha256.Sum256([]byte(sql))
	return hex.EncodeToString(sum[:])[:12]
}
