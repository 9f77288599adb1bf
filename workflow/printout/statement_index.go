package printout

import (
	"strconv"
	"time"

	"orderdesk/store"
)

// StatementIndex lists the statements of a month printed in one run,
// each with its figures as the statement itself prints them.
type StatementIndex struct {
	Seller string
	Year   int
	Month  time.Month
	Rows   []StatementIndexRow
}

// StatementIndexRow is one statement of the index.
type StatementIndexRow struct {
	Customer string
	File     string
	Number   string // "" before the statement is issued
	// Opening, Debits (shipped), Credits (received) and Closing are the
	// statement's own.
	Opening, Debits, Credits, Closing store.Money
}

// IndexRowOf is the index row of statement s, written to file.
func IndexRowOf(s Statement, file string) StatementIndexRow {
	shipped, _, received, closing := s.Totals()
	return StatementIndexRow{Customer: s.Customer.Name, File: file, Number: s.Number,
		Opening: s.Opening, Debits: shipped, Credits: received, Closing: closing}
}

// Total adds up the rows.
func (ix StatementIndex) Total() StatementIndexRow {
	var t StatementIndexRow
	for _, r := range ix.Rows {
		t.Opening += r.Opening
		t.Debits += r.Debits
		t.Credits += r.Credits
		t.Closing += r.Closing
	}
	return t
}

// StatementIndexPDF renders the index as one table with a total row.
func StatementIndexPDF(ix StatementIndex) ([]byte, error) {
	first := time.Date(ix.Year, ix.Month, 1, 0, 0, 0, 0, time.Local)
	d, err := newPDF("货款往来对账单索引 " + month(first))
	if err != nil {
		return nil, err
	}
	d.startSection("货款往来对账单索引  " + month(first))
	d.setSize(12)
	d.line(ix.Seller, alignCenter)
	d.setSize(16)
	d.line("货款往来对账单索引  "+month(first), alignCenter)
	d.y += 2
	d.setSize(9)
	t := &table{cols: []column{
		{head: "客户", align: alignLeft, wrap: true},
		{head: "文件", align: alignLeft, wrap: true},
		{head: "对账单号", align: alignLeft},
		{head: "期初余额", align: alignRight},
		{head: "本期发货", align: alignRight},
		{head: "本期回款", align: alignRight},
		{head: "期末余额", align: alignRight},
	}}
	for _, r := range ix.Rows {
		t.rows = append(t.rows, []string{r.Customer, r.File, r.Number, yuan(r.Opening), yuan(r.Debits), yuan(r.Credits), yuan(r.Closing)})
	}
	sum := ix.Total()
	t.total = []string{"合计", strconv.Itoa(len(ix.Rows)) + " 份", "", yuan(sum.Opening), yuan(sum.Debits), yuan(sum.Credits), yuan(sum.Closing)}
	d.drawTable(t)
	return d.bytes()
}
