package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Units a product is sold in.
var Units = []string{"t", "kg", "pcs"}

// Product is one grade/spec the desk sells.
type Product struct {
	ID         int64
	Grade      string // 牌号, e.g. Q235B
	Name       string
	Spec       string // 规格, e.g. 20×1500×6000
	Unit       string
	UnitWeight Milli // kg per piece, for pcs; 0 when not applicable
	Mnemonic   string
	Voided     bool
	Version    int64
	UpdatedBy  string
}

func productSearch(p *Product) string {
	return strings.ToLower(strings.Join([]string{p.Grade, p.Name, p.Spec, p.Mnemonic}, "\x1f"))
}

// Products lists products matching the page's query, in id order.
func (t *Tx) Products(ctx context.Context, p Page) ([]Product, error) {
	p.Query = foldQuery(p.Query)
	tail, args := p.clause("p", nil, nil)
	return queryPage(ctx, t, p, scanProduct, `SELECT p.id, p.grade, p.name, p.spec, p.unit, p.unit_weight, p.mnemonic, p.voided, p.version, ''
	  FROM products p`+tail, args...)
}

func scanProduct(sc scanner) (Product, error) {
	var r Product
	err := sc.Scan(&r.ID, &r.Grade, &r.Name, &r.Spec, &r.Unit, &r.UnitWeight, &r.Mnemonic, &r.Voided, &r.Version, &r.UpdatedBy)
	return r, err
}

// Product loads one product.
func (t *Tx) Product(ctx context.Context, id int64) (Product, error) {
	r, err := scanProduct(t.row(ctx, `SELECT p.id, p.grade, p.name, p.spec, p.unit, p.unit_weight, p.mnemonic, p.voided, p.version, coalesce(u.name, '')
	  FROM products p LEFT JOIN users u ON u.id = p.updated_by WHERE p.id = ?`, id))
	if noRow(err) {
		return r, ErrNotFound
	}
	return r, err
}

// CreateProduct adds a product.
func (t *Tx) CreateProduct(ctx context.Context, by int64, p Product) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO products(grade, name, spec, unit, unit_weight, mnemonic, search, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.Grade, p.Name, p.Spec, p.Unit, p.UnitWeight, p.Mnemonic, productSearch(&p), now, now, by)
}

// UpdateProduct saves p if nobody changed it since orig was read.
func (t *Tx) UpdateProduct(ctx context.Context, by int64, orig, p Product) error {
	res, err := t.exec(ctx, `UPDATE products SET grade = ?, name = ?, spec = ?, unit = ?, unit_weight = ?, mnemonic = ?, search = ?,
		voided = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`,
		p.Grade, p.Name, p.Spec, p.Unit, p.UnitWeight, p.Mnemonic, productSearch(&p), p.Voided, stamp(t.Now), by, orig.ID, orig.Version)
	if err != nil {
		return classify(err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}
	cur, err := t.Product(ctx, orig.ID)
	if err != nil {
		return err
	}
	conflict := &ConflictError{What: cur.Grade + " " + cur.Spec, By: cur.UpdatedBy}
	for name, pair := range map[string][2]string{
		"grade": {cur.Grade, orig.Grade}, "name": {cur.Name, orig.Name}, "spec": {cur.Spec, orig.Spec},
		"unit": {cur.Unit, orig.Unit}, "unit_weight": {fmt.Sprint(cur.UnitWeight), fmt.Sprint(orig.UnitWeight)},
		"mnemonic": {cur.Mnemonic, orig.Mnemonic}, "voided": {fmt.Sprint(cur.Voided), fmt.Sprint(orig.Voided)},
	} {
		if pair[0] != pair[1] {
			conflict.Fields = append(conflict.Fields, name)
		}
	}
	sort.Strings(conflict.Fields)
	return conflict
}
