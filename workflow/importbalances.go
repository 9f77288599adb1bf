package workflow

import (
	"strings"

	"orderdesk/store"
	"orderdesk/workflow/sheet"
)

// findCustomer finds a customer on file by name, code or 助记码.
func (b customerBook) findCustomer(s string) (store.CustomerKey, bool) {
	s = CleanText(s, false)
	if k, ok := b.byName[s]; ok {
		return k, true
	}
	up := strings.ToUpper(NormalizeDigits(s))
	if k, ok := b.byCode[up]; ok {
		return k, true
	}
	k, ok := b.byMnemonic[up]
	return k, ok
}

// checkBalanceRow checks one opening balance: a customer on file, an
// amount not negative, a cut-over day that is a day; a customer whose
// opening balance is on file already is the same line or a mistake.
func (tx importTx) checkBalanceRow(r importRow, b customerBook, seen map[string]int) (store.ImportLine, bool) {
	before := len(*r.errs)
	cust, found := b.findCustomer(r.cells[FCustomer])
	switch {
	case strings.TrimSpace(r.cells[FCustomer]) == "":
		r.badField(&FieldError{Field: FCustomer, Code: Required})
	case !found:
		r.bad(FCustomer, UnknownCustomer)
	}
	amount, fe := ParseMoneyField(FAmount, sheet.Number(r.cells[FAmount], MoneyPlaces))
	if fe == nil && strings.TrimSpace(r.cells[FAmount]) == "" {
		fe = &FieldError{Field: FAmount, Code: Required}
	}
	r.badField(fe)
	asOf, fe := ParseDayField(FAsOf, sheet.Day(r.cells[FAsOf]), tx.e.today(), NotFuture)
	if fe == nil && asOf == "" {
		fe = &FieldError{Field: FAsOf, Code: Required}
	}
	r.badField(fe)
	if found {
		if n := r.firstSeen(seen, FCustomer, itoa64(cust.ID)); n != 0 {
			r.duplicate(FCustomer, n)
		}
	}
	if len(*r.errs) > before {
		return store.ImportLine{}, false
	}
	l := r.line(cust.Name)
	l.Fields = map[string]string{FCustomer: cust.Name, FAmount: amount.Plain(), "fen": itoa64(int64(amount)), FAsOf: asOf}
	l.TargetID = cust.ID
	had, ok, err := tx.OpeningBalanceOf(tx.ctx, cust.ID)
	if err != nil {
		tx.fail(err)
		return l, false
	}
	if ok && (had.Amount != amount || had.AsOf != asOf) {
		r.bad(FAmount, BalanceOnFile)
		return l, false
	}
	if ok {
		l.Outcome = store.OutcomeSame
	}
	return l, true
}
