package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// PriceChangeKind is the document kind whose approval writes new prices
// into the price list (a trigger applies it; the list refuses anything
// else).
const PriceChangeKind = "price_change"

// PriceChangeLine is one price a change sets.
type PriceChangeLine struct {
	ID        int64
	DocID     int64
	LineNo    int
	Grade     string
	Name      string
	Spec      string
	Unit      string
	Price     Money
	OldPrice  Money // the list price it replaces, when HadOld
	HadOld    bool
	ValidFrom string // YYYY-MM-DD
	ValidTo   string // "" for no end
	Unknown   bool   // grade/spec not in the catalogue
	Removed   bool
}

// CreatePriceChange opens a price-change document in status with its
// lines; summary says why. It returns the id and ref.
func (t *Tx) CreatePriceChange(ctx context.Context, by int64, status, summary string, lines []PriceChangeLine) (int64, string, error) {
	docID, ref, err := t.openNumbered(ctx, by, "JG", Document{Kind: PriceChangeKind, Status: status, Summary: summary})
	if err != nil {
		return 0, "", err
	}
	for _, l := range lines {
		if _, err := t.AddPriceChangeLine(ctx, by, docID, l); err != nil {
			return 0, "", err
		}
	}
	return docID, ref, nil
}

func oldPrice(l PriceChangeLine) any {
	if !l.HadOld {
		return nil
	}
	return int64(l.OldPrice)
}

// AddPriceChangeLine appends a line with the next line number.
func (t *Tx) AddPriceChangeLine(ctx context.Context, by, docID int64, l PriceChangeLine) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO price_change_lines(doc_id, line_no, grade, name, spec, unit, price, old_price, valid_from, valid_to,
		unknown_product, created_at, updated_at, updated_by)
		VALUES (?, (SELECT coalesce(max(line_no), 0) + 1 FROM price_change_lines WHERE doc_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, docID, l.Grade, l.Name, l.Spec, l.Unit, l.Price, oldPrice(l), l.ValidFrom, nullDay(l.ValidTo), l.Unknown, now, now, by)
}

// UpdatePriceChangeLine saves a line.
func (t *Tx) UpdatePriceChangeLine(ctx context.Context, by int64, l PriceChangeLine) error {
	res, err := t.exec(ctx, `UPDATE price_change_lines SET grade = ?, name = ?, spec = ?, unit = ?, price = ?, old_price = ?, valid_from = ?,
		valid_to = ?, unknown_product = ?, updated_at = ?, updated_by = ? WHERE id = ? AND doc_id = ? AND removed = 0`,
		l.Grade, l.Name, l.Spec, l.Unit, l.Price, oldPrice(l), l.ValidFrom, nullDay(l.ValidTo), l.Unknown, stamp(t.Now), by, l.ID, l.DocID)
	return affectedOne(res, err)
}

// RemovePriceChangeLine takes a line out of a change; the row stays.
func (t *Tx) RemovePriceChangeLine(ctx context.Context, by, docID, lineID int64) error {
	res, err := t.exec(ctx, `UPDATE price_change_lines SET removed = 1, updated_at = ?, updated_by = ? WHERE id = ? AND doc_id = ? AND removed = 0`,
		stamp(t.Now), by, lineID, docID)
	return affectedOne(res, err)
}

// PriceChangeLines lists a change's lines in order.
func (t *Tx) PriceChangeLines(ctx context.Context, docID int64, withRemoved bool) ([]PriceChangeLine, error) {
	return queryAll(ctx, t, scanPriceChangeLine, `SELECT id, doc_id, line_no, grade, name, spec, unit, price, old_price, valid_from, coalesce(valid_to, ''),
	       unknown_product, removed FROM price_change_lines WHERE doc_id = ? AND (removed = 0 OR ?) ORDER BY line_no`, docID, withRemoved)
}

func scanPriceChangeLine(sc scanner) (PriceChangeLine, error) {
	var l PriceChangeLine
	var old sql.NullInt64
	err := sc.Scan(&l.ID, &l.DocID, &l.LineNo, &l.Grade, &l.Name, &l.Spec, &l.Unit, &l.Price, &old, &l.ValidFrom, &l.ValidTo,
		&l.Unknown, &l.Removed)
	l.OldPrice, l.HadOld = Money(old.Int64), old.Valid
	return l, err
}

// ListPrice is one row of the price list.
type ListPrice struct {
	ID          int64
	Grade       string
	Name        string
	Spec        string
	Unit        string
	Price       Money
	ValidFrom   string
	ValidTo     string // "" for no end
	ChangeDocID int64  // the approved change that set it
	ChangeRef   string
	At          time.Time // when it was approved
}

const listPriceCols = `p.id, p.grade, p.name, p.spec, p.unit, p.price, p.valid_from, coalesce(p.valid_to, ''), p.change_doc_id,
	coalesce((SELECT ref FROM documents WHERE id = p.change_doc_id), ''), p.created_at`

func scanListPrice(sc interface{ Scan(...any) error }) (ListPrice, error) {
	var p ListPrice
	var at string
	err := sc.Scan(&p.ID, &p.Grade, &p.Name, &p.Spec, &p.Unit, &p.Price, &p.ValidFrom, &p.ValidTo, &p.ChangeDocID, &p.ChangeRef, &at)
	p.At = parseStamp(at)
	return p, err
}

// ListPriceOn finds the list price of a grade and spec valid on day: the
// row with the latest valid_from on or before it whose end (if any) is
// not before it; of two with the same start, the later approved. A row
// with the same product name is preferred. found is false when the list
// has none. Each lookup walks price_list_key backwards from day.
func (t *Tx) ListPriceOn(ctx context.Context, grade, name, spec, day string) (p ListPrice, found bool, err error) {
	const q = `SELECT ` + listPriceCols + ` FROM price_list p INDEXED BY price_list_key
	 WHERE p.grade = ? AND p.spec = ? AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to >= ?)%s
	 ORDER BY p.valid_from DESC, p.id DESC LIMIT 1`
	for _, byName := range []bool{true, false} {
		if byName && name == "" {
			continue
		}
		query, args := fmt.Sprintf(q, ""), []any{grade, spec, day, day}
		if byName {
			query, args = fmt.Sprintf(q, " AND p.name = ?"), append(args, name)
		}
		p, err = scanListPrice(t.row(ctx, query, args...))
		if err == nil {
			return p, true, nil
		}
		if !noRow(err) {
			return p, false, err
		}
	}
	return p, false, nil
}

// PriceListOn lists the prices valid on day, one per grade, name, spec
// and unit, in the order they were set, a page at a time.
func (t *Tx) PriceListOn(ctx context.Context, day string, p Page) ([]ListPrice, error) {
	where := []string{`p.valid_from <= ?`, `(p.valid_to IS NULL OR p.valid_to >= ?)`,
		`NOT EXISTS (SELECT 1 FROM price_list x WHERE x.grade = p.grade AND x.spec = p.spec AND x.name = p.name AND x.unit = p.unit
		   AND x.valid_from <= ? AND (x.valid_to IS NULL OR x.valid_to >= ?)
		   AND (x.valid_from > p.valid_from OR (x.valid_from = p.valid_from AND x.id > p.id)))`}
	args := []any{day, day, day, day}
	p.Voided = true // price rows are superseded, never voided
	tail, args := p.keyset("p", "p.id", where, args)
	return queryPage(ctx, t, p, scanListPrice, `SELECT `+listPriceCols+` FROM price_list p`+tail, args...)
}

// PriceListHistory lists every list price ever set for a grade and spec,
// newest start first.
func (t *Tx) PriceListHistory(ctx context.Context, grade, spec string, limit int) ([]ListPrice, error) {
	return queryAll(ctx, t, scanListPrice, `SELECT `+listPriceCols+` FROM price_list p WHERE p.grade = ? AND p.spec = ?
	 ORDER BY p.valid_from DESC, p.id DESC LIMIT ?`, grade, spec, limit)
}

// Market price sources (参考价来源).
const (
	SourceLocal    = "local"    // 本地经销商
	SourceShenyang = "shenyang" // 沈阳市场
	SourceWuxi     = "wuxi"     // 无锡市场
)

// MarketSources lists the sources in the order the screens show them.
var MarketSources = []string{SourceLocal, SourceShenyang, SourceWuxi}

// MarketPrice is one reference price a market gave on a day.
type MarketPrice struct {
	ID     int64
	Source string
	Grade  string
	Name   string
	Spec   string
	Unit   string
	Price  Money
	On     string // YYYY-MM-DD
	Note   string
	By     string
	ByName bool // matched by grade and product name, not by spec
}

// AddMarketPrice records a reference price. History is kept: a
// correction is a newer row.
func (t *Tx) AddMarketPrice(ctx context.Context, by int64, m MarketPrice) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO market_prices(source, grade, name, spec, unit, price, quoted_on, note, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.Source, m.Grade, m.Name, m.Spec, m.Unit, m.Price, m.On, m.Note, now, now, by)
}

const marketCols = `m.id, m.source, m.grade, m.name, m.spec, m.unit, m.price, m.quoted_on, m.note, coalesce(u.name, '')`

func scanMarket(sc interface{ Scan(...any) error }) (MarketPrice, error) {
	var m MarketPrice
	err := sc.Scan(&m.ID, &m.Source, &m.Grade, &m.Name, &m.Spec, &m.Unit, &m.Price, &m.On, &m.Note, &m.By)
	return m, err
}

// LatestMarketPrices returns, for each source in MarketSources order, the
// newest price of the grade and spec (on the latest day; of two that day,
// the later entered). A source with none for the spec falls back to the
// newest of the grade and product name, marked ByName. Sources with
// neither are left out.
func (t *Tx) LatestMarketPrices(ctx context.Context, grade, name, spec string) ([]MarketPrice, error) {
	var out []MarketPrice
	for _, src := range MarketSources {
		m, err := scanMarket(t.row(ctx, `SELECT `+marketCols+` FROM market_prices m INDEXED BY market_prices_spec LEFT JOIN users u ON u.id = m.updated_by
		 WHERE m.grade = ? AND m.spec = ? AND m.source = ? ORDER BY m.quoted_on DESC, m.id DESC LIMIT 1`, grade, spec, src))
		if noRow(err) && name != "" {
			m, err = scanMarket(t.row(ctx, `SELECT `+marketCols+` FROM market_prices m INDEXED BY market_prices_name LEFT JOIN users u ON u.id = m.updated_by
			 WHERE m.grade = ? AND m.name = ? AND m.source = ? ORDER BY m.quoted_on DESC, m.id DESC LIMIT 1`, grade, name, src))
			m.ByName = true
		}
		if noRow(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// MarketPriceHistory lists a source's prices of a grade and spec, newest
// first ("" source: every source).
func (t *Tx) MarketPriceHistory(ctx context.Context, source, grade, spec string, limit int) ([]MarketPrice, error) {
	where := []string{"m.grade = ?", "m.spec = ?"}
	args := []any{grade, spec}
	if source != "" {
		where = append(where, "m.source = ?")
		args = append(args, source)
	}
	args = append(args, limit)
	return queryAll(ctx, t, scanMarket, `SELECT `+marketCols+` FROM market_prices m LEFT JOIN users u ON u.id = m.updated_by
	 WHERE `+strings.Join(where, " AND ")+` ORDER BY m.quoted_on DESC, m.id DESC LIMIT ?`, args...)
}
