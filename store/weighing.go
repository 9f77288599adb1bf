package store

// Weighing bases (计重方式) of a contract: what weight a delivery line
// bills once loaded. The view delivery_line_billed (migration 0009) is
// the one place that picks it; the gate, the ledger, the invoices, the
// statements and the collections all read it.
const (
	WeighingTheoretical = "theoretical" // 理计: the note's theoretical weight
	WeighingWeighed     = "weighed"     // 磅计 / 过磅: the weighbridge's figure at loading
)

// noteBilled is the SQL for what the note whose id is the expression
// noteID bills: the billed amounts of its kept lines.
func noteBilled(noteID string) string {
	return `(SELECT coalesce(sum(b.amount), 0) FROM delivery_line_billed b WHERE b.doc_id = ` + noteID + ` AND b.removed = 0)`
}
