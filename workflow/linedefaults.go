package workflow

import (
	"context"

	"orderdesk/store"
)

// LineDefaults is what the desk fills in for a line typed with only its
// grade and spec: the unit the catalogue sells the product in, and the
// price list's price valid today in that unit, on the basis that unit
// is priced by (per tonne of weight for t, per unit of quantity else).
type LineDefaults struct {
	Name   string // the catalogue's name of the product, "" when unknown
	Unit   string // "" when the catalogue does not know the product
	Basis  string
	Price  store.Money
	Priced bool // the price list has a price in that unit today
}

// OrderLineDefaults is the unit and today's list price of a grade and
// spec, for the order form to show as the line is typed (unit "" takes
// the catalogue's).
func (d *Desk) OrderLineDefaults(ctx context.Context, grade, name, spec, unit string) (ld LineDefaults, err error) {
	if err := permit(d.User, EditOrders, ""); err != nil {
		return ld, err
	}
	if unit != "" {
		unit, _ = ParseUnit(unit)
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		ld, err = d.lineDefaults(ctx, tx, NormalizeGrade(grade), CleanText(name, false), NormalizeSpec(spec), unit)
		return err
	})
	return ld, err
}

func (d *Desk) lineDefaults(ctx context.Context, tx *store.Tx, grade, name, spec, unit string) (LineDefaults, error) {
	ld := LineDefaults{Unit: unit}
	id, pname, err := tx.MatchProduct(ctx, grade, name, spec)
	if err != nil {
		return ld, err
	}
	ld.Name = pname
	if ld.Unit == "" && id != 0 {
		p, err := tx.Product(ctx, id)
		if err != nil {
			return ld, err
		}
		ld.Unit = p.Unit
	}
	if ld.Unit == "" {
		return ld, nil
	}
	ld.Basis = basisOfUnit(ld.Unit)
	ld.Price, ld.Priced, err = d.listPrice(ctx, tx, grade, name, spec, ld.Unit)
	return ld, err
}

// listPrice is the price list's price of a grade and spec valid today,
// when it is given in unit: how a new quote line and a new order line
// are priced.
func (d *Desk) listPrice(ctx context.Context, tx *store.Tx, grade, name, spec, unit string) (store.Money, bool, error) {
	lp, ok, err := tx.ListPriceOn(ctx, grade, name, spec, d.e.todayString())
	if err != nil || !ok || lp.Unit != unit {
		return 0, false, err
	}
	return lp.Price, true, nil
}

// basisOfUnit is how a line in unit is priced: steel in tonnes per
// tonne of its weight, pieces and kilograms per unit of quantity.
func basisOfUnit(unit string) string {
	if unit == "t" {
		return store.BasisWeight
	}
	return store.BasisQty
}

// fillLineDefaults completes new lines typed without a unit or a price:
// the catalogue's unit (and the weight that follows from it), today's
// list price in that unit. A line whose unit the catalogue cannot give
// is refused at its unit.
func (d *Desk) fillLineDefaults(ctx context.Context, tx *store.Tx, lines []orderLine) (FieldErrors, error) {
	var errs FieldErrors
	for i := range lines {
		l := &lines[i]
		if l.Unit != "" && (l.Priced || l.ID != 0) {
			continue
		}
		ld, err := d.lineDefaults(ctx, tx, l.Grade, l.Name, l.Spec, l.Unit)
		if err != nil {
			return nil, err
		}
		if l.Unit == "" {
			if ld.Unit == "" {
				errs = append(errs, &FieldError{Field: FUnit, Line: i + 1, Code: Required})
				continue
			}
			if fe := l.takeUnit(ld.Unit, i+1); fe != nil {
				errs = append(errs, fe)
				continue
			}
		}
		if l.ID == 0 && !l.Priced && ld.Priced && (!l.basisSet || l.Basis == ld.Basis) {
			l.Price, l.Priced, l.Basis = ld.Price, true, ld.Basis
		}
	}
	return errs, nil
}

// takeUnit gives a line typed without a unit the catalogue's, with the
// quantity checked and the weight worked out as if it had been typed.
func (l *orderLine) takeUnit(unit string, n int) *FieldError {
	l.Unit = unit
	q, fe := ParseQuantityField(FQuantity, l.qtyText, unit)
	if fe != nil {
		fe.Line = n
		return fe
	}
	l.Qty = q
	if !l.weightSet {
		switch {
		case unit == "t":
			l.Weight, l.weightSet = q, true
		case unit == "kg" && q%1000 == 0:
			l.Weight, l.weightSet = q/1000, true
		}
	}
	return nil
}

// PriceNow is a line of an order priced otherwise than the price list
// valid today.
type PriceNow struct {
	LineID   int64
	Was, Now store.Money // per the line's basis
}

// PricesChanged lists the lines of order docID whose price differs from
// the price list valid today (in the line's unit, on its basis): a copy
// of an earlier order says so and offers today's.
func (d *Desk) PricesChanged(ctx context.Context, docID int64) (out []PriceNow, err error) {
	if err := permit(d.User, EditOrders, ""); err != nil {
		return nil, err
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		o, err := tx.Order(ctx, docID)
		if err != nil {
			return err
		}
		for _, l := range o.Lines {
			if !l.Priced || l.Removed {
				continue
			}
			ld, err := d.lineDefaults(ctx, tx, l.Grade, l.Name, l.Spec, l.Unit)
			if err != nil {
				return err
			}
			if ld.Priced && ld.Basis == l.Basis && ld.Price != l.Price {
				out = append(out, PriceNow{LineID: l.ID, Was: l.Price, Now: ld.Price})
			}
		}
		return nil
	})
	return out, err
}
