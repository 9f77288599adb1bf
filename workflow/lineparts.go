package workflow

import (
	"strings"

	"orderdesk/store"
)

// partLimit is what a line typed against a source line (an order line for
// a delivery note, a shipped line for an invoice) may take.
type partLimit struct {
	Unit                string
	OpenQty, OpenWeight store.Milli
	Qty, Weight         store.Milli // the whole a part of the quantity takes its share of the weight from
	Over                FieldCode   // the code for a quantity (or capped weight) over what is open
	CapWeight           bool        // the weight may not pass what is open of it either
}

// parsePart reads line no's typed quantity and weight within lim. A blank
// or zero quantity skips the line; a blank weight is the open weight for
// the whole open quantity, else the weight's share pro rata.
func parsePart(no int, qty, weight string, lim partLimit) (q, w store.Milli, skip bool, fe *FieldError) {
	if s := strings.TrimSpace(qty); s == "" || s == "0" {
		return 0, 0, true, nil
	}
	defer func() {
		if fe != nil {
			fe.Line = no
		}
	}()
	if q, fe = ParseQuantityField(FQuantity, qty, lim.Unit); fe != nil {
		return q, 0, false, fe
	}
	if q > lim.OpenQty {
		return q, 0, false, &FieldError{Field: FQuantity, Code: lim.Over, Want: max(lim.OpenQty, 0).String()}
	}
	switch {
	case strings.TrimSpace(weight) != "":
		if w, fe = ParseMilliField(FWeight, weight); fe == nil && w < 0 {
			fe = &FieldError{Field: FWeight, Code: Negative}
		}
		if fe == nil && lim.CapWeight && w > lim.OpenWeight {
			fe = &FieldError{Field: FWeight, Code: lim.Over, Want: max(lim.OpenWeight, 0).String()}
		}
	case q == lim.OpenQty:
		w = lim.OpenWeight
	default:
		w = proRata(lim.Weight, q, lim.Qty)
		if lim.CapWeight {
			w = min(w, lim.OpenWeight)
		}
	}
	return q, w, false, fe
}

// proRata is whole's share for part of total, rounded half up.
func proRata(whole, part, total store.Milli) store.Milli {
	if total <= 0 {
		return 0
	}
	return store.Milli((int64(whole)*int64(part)*2 + int64(total)) / (2 * int64(total)))
}
