package store

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// auditTables are the tables of the archive a check reads rows of.
var auditTables = map[string]bool{"schema_version": true, "audit_log": true, "audit_checkpoints": true}

var copyHeader = regexp.MustCompile(`^COPY (?:\S+\.)?"?(\w+)"? \(([^)]*)\) FROM stdin;$`)

// readCopyData loads the COPY blocks of pg_restore's script of the
// auditTables into db's tables of the same names, and returns the
// highest schema version.
func readCopyData(ctx context.Context, db *sql.DB, r *bufio.Reader) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	version := 0
	var insert *sql.Stmt
	table := ""
	for {
		line, err := r.ReadString('\n')
		if errors.Is(err, io.EOF) && line == "" {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return 0, err
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case table == "":
			m := copyHeader.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			table = m[1]
			if !auditTables[table] {
				table = "-" // another table's rows, read past
				continue
			}
			if table == "schema_version" {
				continue
			}
			cols := strings.Split(m[2], ", ")
			marks := strings.Repeat("?, ", len(cols))
			if insert, err = tx.PrepareContext(ctx, `INSERT INTO `+table+` (`+m[2]+`) VALUES (`+marks[:len(marks)-2]+`)`); err != nil {
				return 0, err
			}
		case line == `\.`:
			table = ""
		case table == "-":
		case table == "schema_version":
			var v int
			if _, err := fmt.Sscan(line, &v); err == nil && v > version {
				version = v
			}
		default:
			fields := strings.Split(line, "\t")
			args := make([]any, len(fields))
			for i, f := range fields {
				args[i] = copyValue(f)
			}
			if _, err := insert.ExecContext(ctx, args...); err != nil {
				return 0, err
			}
		}
	}
	return version, tx.Commit()
}

// copyValue is one field of COPY's text format: \N is NULL, and a
// backslash escapes a control character, itself, or a byte in octal or
// hex.
func copyValue(f string) any {
	if f == `\N` {
		return nil
	}
	if !strings.Contains(f, `\`) {
		return f
	}
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '\\' || i+1 == len(f) {
			b.WriteByte(c)
			continue
		}
		i++
		switch c = f[i]; c {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case 'x':
			n, v := 0, byte(0)
			for ; n < 2 && i+1 < len(f) && isHex(f[i+1]); n++ {
				i++
				v = v<<4 | hexVal(f[i])
			}
			if n == 0 {
				b.WriteByte('x')
			} else {
				b.WriteByte(v)
			}
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := c - '0'
			for n := 1; n < 3 && i+1 < len(f) && f[i+1] >= '0' && f[i+1] <= '7'; n++ {
				i++
				v = v<<3 | (f[i] - '0')
			}
			b.WriteByte(v)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}
