package chart

import (
	"strconv"
	"strings"

	"orderdesk/store"
)

// Yuan formats fen as yuan for an axis, exactly: store.Money's grouping,
// without ".00" on whole yuan (1,200,000 rather than 1,200,000.00).
func Yuan(fen int64) string { return strings.TrimSuffix(store.Money(fen).String(), ".00") }

// Quantity formats thousandths of a unit (store.Milli: kg of a tonne)
// with as many decimals as it needs.
func Quantity(milli int64) string { return store.Milli(milli).String() }

// plain is the format of a chart given none.
func plain(v int64) string { return strconv.FormatInt(v, 10) }

func orPlain(f func(int64) string) func(int64) string {
	if f == nil {
		return plain
	}
	return f
}
