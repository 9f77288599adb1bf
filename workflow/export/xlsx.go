// Package export writes the month-end reports finance asks for as .xlsx
// workbooks: the accounts-receivable ageing with the collections ladder,
// the monthly collection plan (月回款计划) and the month's reconciliation.
// Headers are Chinese, as finance files them; money is a number with two
// decimals (a cell holds a binary float: fen are divided by 100 only
// here, at the edge, and every figure below a trillion yuan reads back
// exactly to the fen).
package export

import (
	"io"

	"github.com/xuri/excelize/v2"

	"orderdesk/store"
	"orderdesk/workflow"
)

// StageNames are the ladder's stages as finance reads them.
var StageNames = map[workflow.Stage]string{
	workflow.StageCurrent: "未逾期",
	workflow.StageRemind:  "内勤提醒销售",
	workflow.StageReport:  "未回款报告单",
	workflow.StageLetter:  "逾期回款函",
}

// book is a workbook being written, with its money style.
type book struct {
	f     *excelize.File
	money int
	head  int
	err   error
	// styles are the number formats made so far, by format.
	styles map[string]int
}

func newBook() *book {
	b := &book{f: excelize.NewFile()}
	fmt := "#,##0.00"
	b.money, b.err = b.f.NewStyle(&excelize.Style{CustomNumFmt: &fmt})
	if b.err == nil {
		b.head, b.err = b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	}
	return b
}

// sheet starts a sheet (the first replaces the default one) with headers.
func (b *book) sheet(name string, heads []string, widths []float64) {
	if b.err != nil {
		return
	}
	if b.f.SheetCount == 1 && b.f.GetSheetName(0) == "Sheet1" {
		b.err = b.f.SetSheetName("Sheet1", name)
	} else {
		_, b.err = b.f.NewSheet(name)
	}
	for i, h := range heads {
		b.set(name, i+1, 1, h)
		if i < len(widths) {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := b.f.SetColWidth(name, col, col, widths[i]); err != nil && b.err == nil {
				b.err = err
			}
		}
	}
	if b.err == nil {
		last, _ := excelize.CoordinatesToCellName(len(heads), 1)
		b.err = b.f.SetCellStyle(name, "A1", last, b.head)
	}
}

// set writes v at column col, row row (1-based): store.Money as a number
// of yuan with the money style, anything else as it is.
func (b *book) set(sheet string, col, row int, v any) {
	if b.err != nil {
		return
	}
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		b.err = err
		return
	}
	switch x := v.(type) {
	case store.Money:
		if b.err = b.f.SetCellFloat(sheet, cell, float64(x)/100, 2, 64); b.err == nil {
			b.err = b.f.SetCellStyle(sheet, cell, cell, b.money)
		}
		return
	case store.Milli: // tonnes, to the kilogram
		b.setStyled(sheet, cell, float64(x)/1000, 3, "#,##0.000")
		return
	case share: // tenths of a per cent, as the PDF rounds them
		b.setStyled(sheet, cell, float64(x)/1000, 3, "0.0%")
		return
	}
	b.err = b.f.SetCellValue(sheet, cell, v)
}

// setStyled writes a number with a number format (each format's style
// made once).
func (b *book) setStyled(sheet, cell string, v float64, prec int, format string) {
	if b.styles == nil {
		b.styles = map[string]int{}
	}
	id, ok := b.styles[format]
	if !ok {
		if id, b.err = b.f.NewStyle(&excelize.Style{CustomNumFmt: &format}); b.err != nil {
			return
		}
		b.styles[format] = id
	}
	if b.err = b.f.SetCellFloat(sheet, cell, v, prec, 64); b.err == nil {
		b.err = b.f.SetCellStyle(sheet, cell, cell, id)
	}
}

func (b *book) row(sheet string, row int, vals ...any) {
	for i, v := range vals {
		b.set(sheet, i+1, row, v)
	}
}

func (b *book) write(w io.Writer) error {
	if b.err != nil {
		return b.err
	}
	defer b.f.Close()
	return b.f.Write(w)
}

var ageHeads = []string{"0-30天", "31-60天", "61-90天", "90天以上", "合计"}

// Ageing writes the ageing by customer and by rep, and the ladder of
// every open invoice, as of c.Day.
func Ageing(w io.Writer, c workflow.Collections) error {
	b := newBook()
	ageing := func(name, who string, rows []workflow.AgeingRow) {
		b.sheet(name, append([]string{who}, ageHeads...), []float64{36, 16, 16, 16, 16, 18})
		r := 2
		for _, x := range rows {
			b.row(name, r, x.Name, x.Buckets[0], x.Buckets[1], x.Buckets[2], x.Buckets[3], x.Total)
			r++
		}
		t := c.Total
		b.row(name, r, "合计（截至"+c.Day+"）", t.Buckets[0], t.Buckets[1], t.Buckets[2], t.Buckets[3], t.Total)
	}
	ageing("账龄-客户", "客户", c.ByCustomer)
	ageing("账龄-销售", "销售专员", c.ByRep)
	const ladder = "回款阶梯"
	b.sheet(ladder, []string{"发票号", "订单号", "客户", "销售专员", "开票日期", "到期日", "发票金额", "已回款", "未回款", "逾期天数", "阶段"},
		[]float64{14, 16, 36, 10, 12, 12, 16, 16, 16, 10, 14})
	for i, x := range c.Items {
		b.row(ladder, i+2, x.InvoiceNo, x.OrderNo, x.Customer, x.Rep, x.IssuedOn, x.DueOn, x.Amount, x.Paid, x.Open(),
			max(x.Overdue, 0), StageNames[x.Stage])
	}
	return b.write(w)
}

// Plan writes the monthly collection plan (月回款计划).
func Plan(w io.Writer, month string, lines []workflow.PlanLine) error {
	b := newBook()
	const name = "月回款计划"
	b.sheet(name, []string{"客户", "销售专员", "发票号", "订单号", "开票日期", "应回款日期", "发票金额", "已回款", "未回款"},
		[]float64{36, 10, 14, 16, 12, 12, 16, 16, 16})
	var amount, paid, open store.Money
	for i, l := range lines {
		b.row(name, i+2, l.Customer, l.Rep, l.InvoiceNo, l.OrderNo, l.IssuedOn, l.DueOn, l.Amount, l.Paid, l.Outstanding)
		amount, paid, open = amount+l.Amount, paid+l.Paid, open+l.Outstanding
	}
	b.row(name, len(lines)+2, "合计（"+month+"）", "", "", "", "", "", amount, paid, open)
	return b.write(w)
}

// Reconciliation writes the month's figures per customer and the
// differences with their notes.
func Reconciliation(w io.Writer, v workflow.MonthView) error {
	b := newBook()
	const name = "对账"
	b.sheet(name, []string{"客户", "期初余额", "本期发货", "本期开票", "本期回款", "期末余额"}, []float64{36, 16, 16, 16, 16, 16})
	for i, r := range v.Rows {
		b.row(name, i+2, r.Customer, r.Opening, r.Shipped, r.Invoiced, r.Received, r.Closing)
	}
	t := v.Totals
	b.row(name, len(v.Rows)+2, "合计（"+v.Month+"）", t.Opening, t.Shipped, t.Invoiced, t.Received, t.Closing)
	const diffs = "差异"
	b.sheet(diffs, []string{"客户", "项目", "内勤", "财务", "差额", "说明", "已解决"}, []float64{36, 10, 16, 16, 16, 40, 8})
	for i, d := range v.Diffs {
		resolved := "否"
		if d.Resolved {
			resolved = "是"
		}
		b.row(diffs, i+2, d.Customer, FigureNames[d.Field], d.Desk, d.Finance, d.Difference(), d.Note, resolved)
	}
	return b.write(w)
}

// FigureNames are the reconciliation's figures in Chinese.
var FigureNames = map[string]string{"opening": "期初余额", "shipped": "本期发货", "invoiced": "本期开票", "received": "本期回款", "closing": "期末余额"}
