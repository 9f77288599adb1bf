package store

import (
	"context"
	"fmt"
	"strings"
)

// LatestMarketList lists the newest price of each source, grade and spec
// (the row a later entry has not replaced), newest entry first, a page at
// a time. Rows run by id descending, so the page's cursor is a row's id
// negated: Cursor c reads the rows after it, id < -c (before it when
// Backward). The query matches grade, product name and spec.
func (t *Tx) LatestMarketList(ctx context.Context, p Page) ([]MarketPrice, error) {
	// The words first: a row they rule out costs no look-up of a later
	// entry. A filter matching few rows still reads every row (about
	// 80 ms over 300,000 market prices; BenchmarkMarketList).
	var where []string
	var args []any
	for _, word := range strings.Fields(strings.ToLower(foldQuery(p.Query))) {
		where = append(where, `instr(lower(m.grade || ' ' || m.name || ' ' || m.spec), ?) > 0`)
		args = append(args, word)
	}
	where = append(where, `NOT EXISTS (SELECT 1 FROM market_prices x INDEXED BY market_prices_spec
	   WHERE x.grade = m.grade AND x.spec = m.spec AND x.source = m.source
	     AND (x.quoted_on > m.quoted_on OR (x.quoted_on = m.quoted_on AND x.id > m.id)))`)
	order := "m.id DESC"
	switch {
	case p.Backward && p.Cursor != 0:
		where, args = append(where, "m.id > ?"), append(args, -p.Cursor)
		order = "m.id"
	case p.Backward:
		order = "m.id"
	case p.Cursor != 0:
		where, args = append(where, "m.id < ?"), append(args, -p.Cursor)
	}
	return queryPage(ctx, t, p, scanMarket, `SELECT `+marketCols+` FROM market_prices m LEFT JOIN users u ON u.id = m.updated_by
	 WHERE `+strings.Join(where, " AND ")+fmt.Sprintf(` ORDER BY %s LIMIT %d`, order, p.limit()), args...)
}

// DocumentsOfKind lists documents of a kind in one of statuses, newest
// first: the price changes still waiting for review, say.
func (t *Tx) DocumentsOfKind(ctx context.Context, kind string, statuses []string, limit int) ([]Document, error) {
	args := []any{kind}
	for _, s := range statuses {
		args = append(args, s)
	}
	args = append(args, limit)
	return queryAll(ctx, t, scanDocument, `SELECT `+docCols+` FROM documents d LEFT JOIN users m ON m.id = d.maker_id
	 WHERE d.kind = ? AND d.status IN (`+marks(len(statuses))+`) ORDER BY d.id DESC LIMIT ?`, args...)
}
