package workflow

import "orderdesk/store"

// lineParts is how syncParts reads and writes the lines of one document
// whose lines each hold a part of another line (a delivery note's of its
// order's, an invoice's of its notes').
type lineParts[L any] struct {
	lines func() ([]L, error)  // the document's lines, the removed too
	key   func(L) int64        // the line it draws on: one line of the document each
	part  func(*L) *store.Part // what it holds
	save  func(L) error        // saves a line's part
	add   func(L) error        // appends a new line
}

// syncParts saves want over a document's lines: first the lines that
// shrink or go, then those that grow, come back or are new, because the
// database checks what is open to draw on row by row.
func syncParts[L any](want []L, p lineParts[L]) error {
	all, err := p.lines()
	if err != nil {
		return err
	}
	keep := map[int64]L{}
	for _, l := range want {
		keep[p.key(l)] = l
	}
	for _, l := range all {
		have := p.part(&l)
		nl, ok := keep[p.key(l)]
		switch {
		case have.Removed:
			continue
		case !ok:
			have.Removed = true
		case p.part(&nl).Qty < have.Qty:
			w := p.part(&nl)
			have.Qty, have.Weight, have.Amount = w.Qty, w.Weight, w.Amount
		default:
			continue
		}
		if err := p.save(l); err != nil {
			return err
		}
	}
	if all, err = p.lines(); err != nil {
		return err
	}
	held := map[int64]L{}
	for _, l := range all {
		held[p.key(l)] = l
	}
	for _, nl := range want {
		l, ok := held[p.key(nl)]
		if !ok {
			if err := p.add(nl); err != nil {
				return err
			}
			continue
		}
		have, w := p.part(&l), p.part(&nl)
		if have.Qty == w.Qty && have.Weight == w.Weight && !have.Removed {
			continue
		}
		*have = store.Part{Qty: w.Qty, Weight: w.Weight, Amount: w.Amount}
		if err := p.save(l); err != nil {
			return err
		}
	}
	return nil
}
