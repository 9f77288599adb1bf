package store

import (
	"database/sql"
	"testing"

	_ "modernc.org/sqlite"
)

// Records written by SQLite read back as written, whatever their texts
// hold (separators, digits, nothing, NULL) and whatever their integers'
// signs; a record cut short or a field out of place is an error.
func TestStatRecordsReadWhatSQLiteWrote(t *testing.T) {
	db, err := sql.Open("sqlite", "file:records?mode=memory")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	type rec struct {
		key, label string
		a, b       int64
	}
	want := []rec{{"1", "鞍山恒达重工", 1500, -20}, {"a\x1fb\x1ec", "12\x1f3", 0, -9223372036854775}, {"", "", 7, 0}, {"42", "", 0, 1}}
	var all sql.NullString
	err = db.QueryRow(`SELECT ` + statJoined([]string{"k", "l"}, []string{"a", "b"}) + ` FROM (
	  SELECT '1' AS k, '鞍山恒达重工' AS l, 1500 AS a, -20 AS b UNION ALL
	  SELECT 'a' || char(31) || 'b' || char(30) || 'c', '12' || char(31) || '3', 0, -9223372036854775 UNION ALL
	  SELECT '', NULL, 7, NULL UNION ALL
	  SELECT 42, '', 0, 1)`).Scan(&all)
	if err != nil {
		t.Fatal(err)
	}
	var got []rec
	r := newStatRecords(all.String)
	for r.more() {
		got = append(got, rec{r.text(), r.text(), r.int(), r.int()})
	}
	if r.err != nil || len(got) != len(want) {
		t.Fatalf("%q: %v, %+v", all.String, r.err, got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("record %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, bad := range []string{"1\x1fa\x1f5", "1\x1fa\x1f5\x1e6\x1e", "x", "3\x1fab", "1\x1fa\x1e5\x1f6"} {
		r := newStatRecords(bad)
		for r.more() {
			r.text()
			r.int()
			r.int()
		}
		if r.err == nil {
			t.Errorf("%q read without an error", bad)
		}
	}
}

// A column of integers reads back as written; anything else in it is an
// error.
func TestStatIntsReadAColumn(t *testing.T) {
	got, err := statInts("12\x1f-3\x1f0\x1f450000")
	if err != nil || len(got) != 4 || got[0] != 12 || got[1] != -3 || got[2] != 0 || got[3] != 450000 {
		t.Errorf("%v, %v", got, err)
	}
	if got, err := statInts(""); err != nil || len(got) != 0 {
		t.Errorf("none: %v, %v", got, err)
	}
	for _, bad := range []string{"1\x1f", "\x1f1", "1,2", "-", "1\x1fx", "1234567890123456789"} {
		if got, err := statInts(bad); err == nil {
			t.Errorf("%q read as %v", bad, got)
		}
	}
}
