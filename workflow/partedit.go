package workflow

import "orderdesk/store"

// partTyped is a saved part as its form shows it again: the quantity,
// and the weight only where the quantity would not give it by itself
// (pro rata, or all that is open), so a quantity typed again brings its
// own weight unless one was typed.
func partTyped(p store.Part, lim partLimit) (qty, weight string) {
	qty = p.Qty.String()
	if _, w, _, _ := parsePart(0, qty, "", lim); w != p.Weight {
		weight = p.Weight.String()
	}
	return qty, weight
}
