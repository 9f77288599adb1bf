package store

import (
	"context"
	"encoding/json"
)

// ProductKey is what a typed line names a product by.
type ProductKey struct{ Grade, Name, Spec string }

// ProductMatch is the catalogue's answer for one key: the product's id
// and name, or 0 when the desk does not sell it.
type ProductMatch struct {
	ID   int64
	Name string
}

// MatchProducts answers MatchProduct for every key in one statement, in
// the keys' order: an order's twenty lines are one round trip to the
// database, not twenty. Text JSON cannot carry exactly (invalid UTF-8,
// NUL) is matched key by key.
func (t *Tx) MatchProducts(ctx context.Context, keys []ProductKey) ([]ProductMatch, error) {
	out := make([]ProductMatch, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	if !keysJSONExact(keys) {
		for i, k := range keys {
			id, name, err := t.MatchProduct(ctx, k.Grade, k.Name, k.Spec)
			if err != nil {
				return nil, err
			}
			out[i] = ProductMatch{ID: id, Name: name}
		}
		return out, nil
	}
	rows := make([][3]string, len(keys))
	for i, k := range keys {
		rows[i] = [3]string{k.Grade, k.Name, k.Spec}
	}
	body, err := json.Marshal(rows)
	if err != nil {
		return nil, err
	}
	r, err := t.query(ctx, matchProductsQuery[t.pg], string(body))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	for r.Next() {
		var at int
		var m ProductMatch
		if err := r.Scan(&at, &m.ID, &m.Name); err != nil {
			return nil, err
		}
		if at >= 0 && at < len(out) {
			out[at] = m
		}
	}
	return out, r.Err()
}

// matchProductsQuery is MatchProduct's choice for each element of a JSON
// array of [grade, name, spec], numbered from 0, per engine: with a
// spec, the product of that grade and spec, the one of the typed name
// first; without one, the product of that grade and name.
var matchProductsQuery = map[bool]string{
	false: `SELECT k.key, p.id, p.name FROM json_each(?) k` + matchedProduct,
	true:  `SELECT k.key - 1, p.id, p.name FROM json_array_elements(?::json) WITH ORDINALITY AS k(value, key)` + matchedProduct,
}

// matchedProduct joins each key k to the product MatchProduct picks.
const matchedProduct = ` JOIN products p ON p.id = (
	   SELECT q.id FROM products q
	    WHERE q.grade = k.value ->> 0 AND q.spec = k.value ->> 2 AND q.voided = 0
	      AND (k.value ->> 2 <> '' OR q.name = k.value ->> 1)
	    ORDER BY (q.name = k.value ->> 1) DESC, q.id LIMIT 1)`

// keysJSONExact reports whether every key's text comes back from JSON
// byte for byte.
func keysJSONExact(keys []ProductKey) bool {
	for _, k := range keys {
		if !textsJSONExact(k.Grade, k.Name, k.Spec) {
			return false
		}
	}
	return true
}
