package store

import "context"

// LeadMatch is a customer file or an open lead that a lead being typed
// may be: same name, same phone or same 助记码.
type LeadMatch struct {
	Lead     bool   // a lead; otherwise a customer file
	ID       int64  // the customer's id or the lead's document
	Ref      string // the customer's code or the lead's ref
	Name     string
	Field    string // "name", "phone" or "mnemonic": what matched
	Status   string // a lead's stage
	Mnemonic string
}

// phoneDigits is SQL that keeps only what a phone's digits are written
// with away from the separators people type (024-2345 6789, (024)…).
func phoneDigits(col string) string {
	return `replace(replace(replace(replace(replace(` + col + `, '-', ''), ' ', ''), '(', ''), ')', ''), '+', '')`
}

// LeadMatches lists live customers and leads still open (other than the
// lead except) with the same name (or short name), phone digits or
// 助记码; empty arguments match nothing. name is compared lower-case;
// phone is its digits.
func (t *Tx) LeadMatches(ctx context.Context, name, phone, mnemonic string, except int64) ([]LeadMatch, error) {
	scan := func(sc scanner) (LeadMatch, error) {
		var m LeadMatch
		err := sc.Scan(&m.Lead, &m.ID, &m.Ref, &m.Name, &m.Field, &m.Status, &m.Mnemonic)
		return m, err
	}
	return queryAll(ctx, t, scan, `
	SELECT 0, id, code, name,
	       CASE WHEN ? <> '' AND (lower(name) = ? OR lower(short_name) = ?) THEN 'name'
	            WHEN ? <> '' AND `+phoneDigits("phone")+` = ? THEN 'phone' ELSE 'mnemonic' END, '', mnemonic
	  FROM customers
	 WHERE voided = 0 AND ((? <> '' AND (lower(name) = ? OR lower(short_name) = ?))
	    OR (? <> '' AND `+phoneDigits("phone")+` = ?) OR (? <> '' AND mnemonic = ?))
	UNION ALL
	SELECT 1, x.doc_id, d.ref, x.name,
	       CASE WHEN ? <> '' AND lower(x.name) = ? THEN 'name'
	            WHEN ? <> '' AND `+phoneDigits("x.phone")+` = ? THEN 'phone' ELSE 'mnemonic' END, d.status, x.mnemonic
	  FROM leads x JOIN documents d ON d.id = x.doc_id
	 WHERE x.doc_id <> ? AND d.status NOT IN ('won', 'lost') AND ((? <> '' AND lower(x.name) = ?)
	    OR (? <> '' AND `+phoneDigits("x.phone")+` = ?) OR (? <> '' AND x.mnemonic = ?))
	LIMIT 20`,
		name, name, name, phone, phone,
		name, name, name, phone, phone, mnemonic, mnemonic,
		name, name, phone, phone,
		except, name, name, phone, phone, mnemonic, mnemonic)
}
