package workflow

import (
	"strings"

	"orderdesk/store"
	"orderdesk/workflow/sheet"
)

// catalogLabel names a catalogue line for its reviewer, the spec before
// the name: lines of one grade differ by their spec, which a narrow
// window must not cut.
func catalogLabel(grade, spec, name string) string {
	return strings.Join(strings.Fields(grade+" "+spec+" "+name), " ")
}

// productKey names a product in the catalogue: grade, spec and name.
func productKey(grade, spec, name string) string { return grade + "\x00" + spec + "\x00" + name }

// unitOf reads a row's unit, refusing one the desk does not sell in.
func unitOf(r importRow) (string, bool) {
	u, ok := ParseUnit(r.cells[FUnit])
	if !ok {
		if strings.TrimSpace(r.cells[FUnit]) == "" {
			r.badField(&FieldError{Field: FUnit, Code: Required})
		} else {
			r.bad(FUnit, UnknownUnit)
		}
	}
	return u, ok
}

// checkProductRow checks one product row and matches it to the product
// of the same grade, spec and name in the catalogue.
func (tx importTx) checkProductRow(r importRow, products map[string]store.Product, seen map[string]int) (store.ImportLine, bool) {
	before := len(*r.errs)
	unit, _ := unitOf(r)
	in := ProductInput{Grade: r.cells[FGrade], Name: r.cells[FProductName], Spec: r.cells[FSpec], Unit: unit,
		UnitWeight: sheet.Number(r.cells[FUnitWeight], MilliPlaces), Mnemonic: r.cells[FMnemonic]}
	if unit == "" {
		in.Unit = "t" // refused above; the other fields are still checked
	}
	p, errs := in.Validate()
	r.badField(errs...)
	p.Spec = NormalizeSpec(p.Spec)
	key := productKey(p.Grade, p.Spec, p.Name)
	if n := r.firstSeen(seen, "product", key); n != 0 {
		r.duplicate(FGrade, n)
	}
	if len(*r.errs) > before {
		return store.ImportLine{}, false
	}
	l := r.line(catalogLabel(p.Grade, p.Spec, p.Name))
	l.Fields = map[string]string{FGrade: p.Grade, FProductName: p.Name, FSpec: p.Spec, FUnit: p.Unit,
		FUnitWeight: p.UnitWeight.String(), FMnemonic: p.Mnemonic}
	old, found := products[key]
	var changed []string
	if found {
		if old.Unit != p.Unit {
			changed = append(changed, FUnit)
		}
		if old.UnitWeight != p.UnitWeight {
			changed = append(changed, FUnitWeight)
		}
		if strings.TrimSpace(r.cells[FMnemonic]) != "" && old.Mnemonic != p.Mnemonic {
			changed = append(changed, FMnemonic)
		} else {
			l.Fields[FMnemonic] = old.Mnemonic
		}
	}
	compare(&l, found, old.ID, changed)
	return l, true
}

// productFromLine reads back a line's product.
func productFromLine(f map[string]string) store.Product {
	w, _ := store.ParseMilli(f[FUnitWeight])
	return store.Product{Grade: f[FGrade], Name: f[FProductName], Spec: f[FSpec], Unit: f[FUnit], UnitWeight: w, Mnemonic: f[FMnemonic]}
}

// checkPriceRow checks one price row and compares it with the list
// price valid on its first day.
func (tx importTx) checkPriceRow(r importRow, products map[string]store.Product, seen map[string]int) (store.ImportLine, bool) {
	before := len(*r.errs)
	r.badField(ProductTexts(r.cells[FGrade], r.cells[FProductName], r.cells[FSpec])...)
	unit, _ := unitOf(r)
	pl := store.PriceChangeLine{Grade: NormalizeGrade(r.cells[FGrade]), Name: CleanText(r.cells[FProductName], false),
		Spec: NormalizeSpec(r.cells[FSpec]), Unit: unit}
	price, set, fe := ParsePriceField(FPrice, sheet.Number(r.cells[FPrice], MoneyPlaces))
	if fe == nil && !set {
		fe = &FieldError{Field: FPrice, Code: Required}
	}
	r.badField(fe)
	pl.Price = price
	today := tx.e.today()
	pl.ValidFrom, fe = ParseDayField(FValidFrom, sheet.Day(r.cells[FValidFrom]), today, AnyDay)
	if fe == nil && pl.ValidFrom == "" {
		fe = &FieldError{Field: FValidFrom, Code: Required}
	}
	r.badField(fe)
	pl.ValidTo, fe = ParseDayField(FValidTo, sheet.Day(r.cells[FValidTo]), today, AnyDay)
	if fe == nil && pl.ValidTo != "" && pl.ValidFrom != "" && pl.ValidTo < pl.ValidFrom {
		fe = &FieldError{Field: FValidTo, Code: DateOrder}
	}
	r.badField(fe)
	if n := r.firstSeen(seen, "price", productKey(pl.Grade, pl.Spec, pl.Name)+"\x00"+pl.ValidFrom); n != 0 {
		r.duplicate(FGrade, n)
	}
	if len(*r.errs) > before {
		return store.ImportLine{}, false
	}
	_, known := products[productKey(pl.Grade, pl.Spec, pl.Name)]
	l := r.line(catalogLabel(pl.Grade, pl.Spec, pl.Name))
	l.Fields = map[string]string{FGrade: pl.Grade, FProductName: pl.Name, FSpec: pl.Spec, FUnit: pl.Unit, FPrice: pl.Price.Plain(),
		FValidFrom: pl.ValidFrom, FValidTo: pl.ValidTo, "unknown": boolText(!known)}
	lp, found, err := tx.ListPriceOn(tx.ctx, pl.Grade, pl.Name, pl.Spec, pl.ValidFrom)
	if err != nil {
		tx.fail(err)
		return l, false
	}
	found = found && lp.Name == pl.Name
	var changed []string
	if found {
		l.Fields["old_price"] = lp.Price.Plain()
		if lp.Price != pl.Price || lp.Unit != pl.Unit || lp.ValidTo != pl.ValidTo {
			changed = append(changed, FPrice)
		}
	}
	compare(&l, found, lp.ID, changed)
	return l, true
}

func boolText(b bool) string {
	if b {
		return "1"
	}
	return ""
}

// priceFromLine reads back a line's price.
func priceFromLine(f map[string]string) store.PriceChangeLine {
	p, _ := store.ParseMoney(f[FPrice])
	old, hadOld := store.Money(0), f["old_price"] != ""
	if hadOld {
		old, _ = store.ParseMoney(f["old_price"])
	}
	return store.PriceChangeLine{Grade: f[FGrade], Name: f[FProductName], Spec: f[FSpec], Unit: f[FUnit], Price: p,
		OldPrice: old, HadOld: hadOld, ValidFrom: f[FValidFrom], ValidTo: f[FValidTo], Unknown: f["unknown"] != ""}
}
