package store

import (
	"strings"
	"testing"
)

// FuzzParseCheckpoint: the checkpoint file lies outside the database and
// anyone with the account can edit it, so its reader must never panic,
// and whatever it accepts must be exactly a line the writer makes.
func FuzzParseCheckpoint(f *testing.F) {
	c := Checkpoint{Kind: "head", DBID: "4e336bdf6d049675", AuditID: 12, Hash: "k:5134d2", At: "2026-12-06T01:59:06.840Z"}.sign([]byte("k"))
	f.Add(c.fileLine("8752a71584cdc9d8"))
	f.Add(Checkpoint{Kind: "key", DBID: "x", At: "2026-12-06T01:59:06.840Z", MAC: "m"}.fileLine("t"))
	f.Add("orderdesk-checkpoint 1 head a b -1 - 2026-12-06T01:59:06.840Z m")
	f.Add("")
	f.Fuzz(func(t *testing.T, line string) {
		c, tag, err := parseCheckpoint(line)
		if err != nil {
			return
		}
		if got := c.fileLine(tag); got != strings.TrimRight(line, "\r\n")+"\n" {
			t.Fatalf("accepted %q, which writes back as %q", line, got)
		}
		if c.signedBy([]byte("k")) != (c.sign([]byte("k")).MAC == c.MAC) {
			t.Fatal("signedBy disagrees with sign")
		}
	})
}
