package pricing

import (
	"fmt"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// Money and quantities are shown exactly: yuan with fen and thousands
// separators, quantities with three decimals (whole pieces), a unit price
// always with its unit: ¥3,850.00/吨 × 25.500 吨.

func unitWord(c *common.Common, unit string) string { return c.T("unit." + unit) }

func qtyText(q store.Milli, unit string) string {
	if unit == "pcs" {
		return fmt.Sprintf("%d", int64(q)/1000)
	}
	return fmt.Sprintf("%d.%03d", int64(q)/1000, int64(q)%1000)
}

func moneyText(m store.Money) string { return "¥" + m.String() }

func unitPriceText(c *common.Common, m store.Money, unit string) string {
	return moneyText(m) + "/" + unitWord(c, unit)
}
