package store

import "context"

// Part is what a line of a delivery note or an invoice holds of the line
// it draws on (an order line, a delivery line): a quantity and weight and
// their amount, or nothing once taken out of the document.
type Part struct {
	Qty     Milli
	Weight  Milli
	Amount  Money
	Removed bool
}

// kept is the part's amount, or nothing once taken out.
func (p Part) kept() Money {
	if p.Removed {
		return 0
	}
	return p.Amount
}

// partsTotal adds the amounts of the kept lines.
func partsTotal[L interface{ kept() Money }](lines []L) Money {
	var sum Money
	for _, l := range lines {
		sum += l.kept()
	}
	return sum
}

// savePart saves a line's part in table (delivery_lines, invoice_lines):
// its quantity, weight and amount, or that it was taken out.
func (t *Tx) savePart(ctx context.Context, table string, by, id, docID int64, p Part) error {
	res, err := t.exec(ctx, `UPDATE `+table+` SET qty = ?, weight = ?, amount = ?, removed = ?, updated_at = ?, updated_by = ?
		WHERE id = ? AND doc_id = ?`, p.Qty, p.Weight, p.Amount, p.Removed, stamp(t.Now), by, id, docID)
	return affectedOne(res, err)
}
