// Package chart draws the desk's figures as pictures a clerk reads at a
// glance: monthly bars (Bars), a sparkline that fits a table cell
// (Sparkline) and the month's actual against its plan (MonthLine).
//
// Every chart renders to exactly the lines and cells it is given, in
// characters every terminal font has (the eighth blocks ▁…█, ┄, ▲), so
// it reads at 80 columns, in 16 colours and over SSH. Shapes carry the
// meaning and colour only helps: █ is what was done, ┄ the plan, ▲ today.
//
// Figures are exact: values are int64 minor units (fen for store.Money,
// thousandths for store.Milli), scaled to cells with integer arithmetic,
// and every figure a user reads is formatted from the exact type.
//
// The package is our own rather than a charting library: the one that is
// kept up (ntcharts) is built on the v1 Charm line and float64 values.
package chart
