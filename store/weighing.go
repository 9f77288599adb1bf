package store

// Weighing bases (计重方式) of a contract: what weight a delivery line
// bills once loaded. The view delivery_line_billed (migration 0009) is
// the one place that picks it, and release_billed adds up what a
// released note bills; the gate, the ledger, the invoices, the statements
// and the collections all read them.
const (
	WeighingTheoretical = "theoretical" // 理计: the note's theoretical weight
	WeighingWeighed     = "weighed"     // 磅计 / 过磅: the weighbridge's figure at loading
)
