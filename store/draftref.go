package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// nextDraftRef is the next provisional reference of a first order
// version (DD2026-000001). A draft's reference gives way to its number
// once it moves on after sign-off, so the highest DD reference still
// standing may be older than the last one given out. Every first version
// made after it had one of its own: counting them means a reference once
// told to a customer never names another order.
func (t *Tx) nextDraftRef(ctx context.Context) (string, error) {
	prefix := "DD" + t.Now.Format("2006") + "-"
	upper := prefix[:len(prefix)-1] + string(rune(prefix[len(prefix)-1]+1))
	var ref string
	var id int64
	err := t.row(ctx, `SELECT ref, id FROM documents WHERE kind = ? AND ref >= ? AND ref < ? ORDER BY ref DESC LIMIT 1`,
		OrderKind, prefix, upper).Scan(&ref, &id)
	var n, since int
	switch {
	case err == nil: // the first versions made after the highest still standing
		digits := strings.TrimPrefix(ref, prefix)
		if i := strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
			digits = digits[:i]
		}
		n, _ = strconv.Atoi(digits)
		err = t.row(ctx, `SELECT count(*) FROM orders WHERE doc_id > ? AND revision = 1`, id).Scan(&since)
	case noRow(err): // none stands: every first version made this year
		from := time.Date(t.Now.Year(), 1, 1, 0, 0, 0, 0, t.Now.Location())
		err = t.row(ctx, `SELECT count(*) FROM orders o JOIN documents d ON d.id = o.doc_id
			WHERE o.revision = 1 AND d.created_at >= ? AND d.created_at < ?`, stamp(from), stamp(from.AddDate(1, 0, 0))).Scan(&since)
	}
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s%06d", prefix, n+since+1), nil
}
