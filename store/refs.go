package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// NextRef numbers a new document of kind: prefix (e.g. "XJ2026-")
// followed by the next six-digit sequence after the highest ref with that
// prefix. Refs of revisions ("BJ2026-000012/2") count by their number.
// The write transaction holds the lock, so two desks never get the same.
func (t *Tx) NextRef(ctx context.Context, kind, prefix string) (string, error) {
	if prefix == "" {
		return "", fmt.Errorf("empty ref prefix")
	}
	// Every ref with the prefix sorts between it and the prefix with its
	// last byte raised by one.
	upper := prefix[:len(prefix)-1] + string(rune(prefix[len(prefix)-1]+1))
	var last sql.NullString
	if err := t.row(ctx, `SELECT max(ref) FROM documents WHERE kind = ? AND ref >= ? AND ref < ?`, kind, prefix, upper).Scan(&last); err != nil {
		return "", err
	}
	n := 0
	if last.Valid {
		digits := strings.TrimPrefix(last.String, prefix)
		if i := strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
			digits = digits[:i]
		}
		n, _ = strconv.Atoi(digits)
	}
	return fmt.Sprintf("%s%06d", prefix, n+1), nil
}

// DocFilter narrows a document list.
type DocFilter struct {
	Statuses   []string // any of these; none means every status
	CustomerID int64
	MakerID    int64
}

// where adds the filter's conditions on documents d and the content
// table's customer column.
func (f DocFilter) where(custCol string, where []string, args []any) ([]string, []any) {
	if len(f.Statuses) > 0 {
		where = append(where, "d.status IN ("+marks(len(f.Statuses))+")")
		args = append(args, anys(f.Statuses)...)
	}
	if f.CustomerID != 0 {
		where = append(where, custCol+" = ?")
		args = append(args, f.CustomerID)
	}
	if f.MakerID != 0 {
		where = append(where, "d.maker_id = ?")
		args = append(args, f.MakerID)
	}
	return where, args
}

func marks(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// docPage is a keyset page over documents d whose content table (alias)
// has a search column. Documents leave lists by status, never by a
// voided flag, so Page.Voided does not apply.
func docPage(p Page, alias string, where []string, args []any) (string, []any) {
	p.Voided = true
	return p.keyset(alias, "d.id", where, args)
}

func reverse[T any](s []T) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// nullDay stores an empty day as NULL (an open end).
func nullDay(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// openNumbered opens document d numbered with the next ref of its kind
// after prefix and the year (XJ2026-000001), and returns its id and ref.
func (t *Tx) openNumbered(ctx context.Context, by int64, prefix string, d Document) (int64, string, error) {
	ref, err := t.NextRef(ctx, d.Kind, prefix+t.Now.Format("2006")+"-")
	if err != nil {
		return 0, "", err
	}
	d.Ref = ref
	id, err := t.CreateDocument(ctx, by, d)
	return id, ref, err
}
