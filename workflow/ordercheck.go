package workflow

import "orderdesk/store"

// ContractCheck is the check the program makes before a person looks at
// a contract: every line priced and weighed, unit price × basis = line
// total (rounded half away from zero to the fen), the lines add up to
// the total, payment terms, place of signing, ship-to address and
// delivery date filled, the delivery not before the order date. An order
// with no lines is refused (NoLines); problems come back as FieldErrors
// naming the lines (1-based) with, for a wrong figure, the right one.
func ContractCheck(o store.Order) error {
	if len(o.Lines) == 0 {
		return &Refusal{Code: NoLines, Action: ActionSubmit}
	}
	var errs FieldErrors
	required := func(field, v string) {
		if v == "" {
			errs = append(errs, &FieldError{Field: field, Code: Required})
		}
	}
	required(FCustomerName, o.CustomerName)
	required(FShipTo, o.ShipTo)
	required(FSigningPlace, o.SigningPlace)
	required(FDeliveryDate, o.DeliveryDate)
	required(FPaymentTerms, o.PaymentTerms)
	if o.DeliveryDate != "" && o.DeliveryDate < o.OrderDate {
		errs = append(errs, &FieldError{Field: FDeliveryDate, Code: DateOrder})
	}
	var sum store.Money
	for _, l := range o.Lines {
		if l.Removed {
			continue
		}
		if l.Weight <= 0 {
			errs = append(errs, &FieldError{Field: FWeight, Line: l.LineNo, Code: Required})
		}
		if !l.Priced {
			errs = append(errs, &FieldError{Field: FPrice, Line: l.LineNo, Code: Unpriced})
			continue
		}
		if want := store.LineAmount(l.Price, l.Basis, l.Qty, l.Weight); l.Amount != want {
			errs = append(errs, &FieldError{Field: FAmount, Line: l.LineNo, Code: AmountMismatch, Want: want.Plain()})
			continue
		}
		sum += l.Amount
	}
	if o.Total != sum && len(errs) == 0 {
		errs = append(errs, &FieldError{Field: FTotal, Code: AmountMismatch, Want: sum.Plain()})
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}
