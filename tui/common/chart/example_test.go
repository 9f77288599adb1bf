package chart_test

import (
	"fmt"
	"time"

	"orderdesk/tui/common/chart"
	"orderdesk/tui/i18n"
)

// A customer's last months in a table cell six wide: the latest at the
// right edge, scaled from zero.
func ExampleSparkline() {
	fmt.Printf("[%s]\n", chart.Sparkline([]int64{0, 3_000, 5_000, 8_000}, 6))
	// Output: [  ▁▄▅█]
}

// Months from November on, across the new year, for Bars.Labels.
func ExampleMonthLabels() {
	fmt.Println(chart.MonthLabels(i18n.New("zh"), time.November, 4))
	fmt.Println(chart.MonthLabels(i18n.New("en"), time.November, 4))
	// Output:
	// [11月 12月 1月 2月]
	// [Nov Dec Jan Feb]
}

// Axis figures are exact: fen as yuan, thousandths as tonnes.
func ExampleYuan() {
	fmt.Println(chart.Yuan(120_000_000), chart.Yuan(174_193_548), chart.Quantity(201_125))
	// Output: 1,200,000 1,741,935.48 201.125
}
