package store

import (
	"fmt"
	"strings"
)

// Many statistics rows come back from SQLite as one string, written by
// one printf a row and joined by group_concat, and are read here: a row
// read through database/sql costs about a microsecond a column (each
// value crosses the driver on its own), and a view of every customer is
// tens of thousands of values.
//
// A record is its text fields, each as its length in bytes, a unit
// separator (\x1f) and the text itself (so a text may hold anything),
// then its integers; every field ends in \x1f but a record's last, which
// ends in a record separator (\x1e) or the end of the string.

// statPacked is the SQL that writes one record of texts (SQL
// expressions, read as text) and ints (integer expressions; NULL
// writes 0).
func statPacked(texts, ints []string) string {
	var format, args []string
	for _, t := range texts {
		t = "CAST(" + t + " AS TEXT)"
		format = append(format, "%d\x1f%s")
		args = append(args, "octet_length("+t+")", t)
	}
	for _, n := range ints {
		format = append(format, "%d")
		args = append(args, n)
	}
	return `printf('` + strings.Join(format, "\x1f") + `', ` + strings.Join(args, ", ") + `)`
}

// statJoined is the SQL aggregate of statPacked's records as one string.
func statJoined(texts, ints []string) string {
	return `group_concat(` + statPacked(texts, ints) + `, char(30))`
}

// statRecords reads the records of one string in order:
//
//	for r.more() { key := r.text(); n := r.int() … }
//	if r.err != nil { … }
type statRecords struct {
	rest     string
	sep      byte // the separator that ended the last field (\x1e at the end)
	inRecord bool
	err      error
}

func newStatRecords(s string) *statRecords { return &statRecords{rest: s, sep: '\x1e'} }

// more starts the next record, if any; a record cut short is an error.
func (r *statRecords) more() bool {
	if r.sep != '\x1e' {
		r.fail()
	}
	r.inRecord = false
	return r.err == nil && r.rest != ""
}

func (r *statRecords) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("statistics: bad record near %.40q", r.rest)
	}
	r.rest, r.sep = "", '\x1e'
}

// field takes the n bytes of a field and its separator.
func (r *statRecords) field(n int) string {
	if r.err != nil || (r.inRecord && r.sep != '\x1f') || n < 0 || n > len(r.rest) {
		r.fail()
		return ""
	}
	r.inRecord = true
	v := r.rest[:n]
	switch {
	case n == len(r.rest):
		r.rest, r.sep = "", '\x1e'
	case r.rest[n] == '\x1f' || r.rest[n] == '\x1e':
		r.rest, r.sep = r.rest[n+1:], r.rest[n]
	default:
		r.fail()
		return ""
	}
	return v
}

// int reads an integer field.
func (r *statRecords) int() int64 {
	s := r.rest
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	var n int64
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		n = n*10 + int64(s[i]-'0')
	}
	if i == start || i-start > 18 {
		r.fail()
		return 0
	}
	neg := start == 1
	r.field(i)
	if neg {
		return -n
	}
	return n
}

// text reads a text field.
func (r *statRecords) text() string {
	n := r.int()
	if r.err != nil || r.sep != '\x1f' {
		r.fail()
		return ""
	}
	return r.field(int(n))
}

// statInts reads a column of integers joined by \x1f (group_concat's
// with char(31)); "" is none.
func statInts(s string) ([]int64, error) {
	if s == "" {
		return nil, nil
	}
	out := make([]int64, 0, strings.Count(s, "\x1f")+1)
	for i := 0; i <= len(s); i++ {
		neg := i < len(s) && s[i] == '-'
		if neg {
			i++
		}
		start := i
		var n int64
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			n = n*10 + int64(s[i]-'0')
		}
		if i == start || i-start > 18 || (i < len(s) && s[i] != '\x1f') {
			return nil, fmt.Errorf("statistics: bad integers near %.40q", s[start:])
		}
		if neg {
			n = -n
		}
		out = append(out, n)
	}
	return out, nil
}
