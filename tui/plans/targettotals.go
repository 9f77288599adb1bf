package plans

import "orderdesk/store"

// targetTotals is the footer of the targets shown: month targets and
// year targets added up apart (a year's target is the whole of its
// months', not one more month), voided ones left out as the plans'
// footer leaves them.
func targetTotals(t func(string, ...any) string, rows []store.Target) string {
	var months, years struct {
		n      int
		tonnes store.Milli
		amount store.Money
	}
	for _, x := range rows {
		if x.Status == "void" {
			continue
		}
		sum := &months
		if len(x.Period) == len("2026") {
			sum = &years
		}
		sum.n++
		sum.tonnes, sum.amount = sum.tonnes+x.Tonnes, sum.amount+x.Amount
	}
	switch {
	case years.n == 0:
		return t("plans.totals", len(rows), months.tonnes.String(), months.amount.String())
	case months.n == 0:
		return t("plans.totals", len(rows), years.tonnes.String(), years.amount.String())
	}
	return t("plans.target_totals", len(rows), months.tonnes.String(), months.amount.String(),
		years.tonnes.String(), years.amount.String())
}
