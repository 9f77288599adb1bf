package export

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"orderdesk/store"
	"orderdesk/workflow/report"
)

func sampleReport() report.Report {
	f := func(kg, fen int64) store.StatFigure {
		return store.StatFigure{Tonnes: store.Milli(kg), Amount: store.Money(fen)}
	}
	now := store.StatFigures{Ordered: f(120500, 56078912), Shipped: f(98250, 45012300), Invoiced: f(90000, 41000000), Received: f(0, 38000000), Open: f(0, 123456789),
		Returned: f(2500, 1150000)}
	prev := store.StatFigures{Ordered: f(100000, 50000000), Shipped: f(80000, 40000000)}
	r := report.Report{Kind: "month", MadeOn: "2026-12-01", By: "赵主管", SplitBy: string(store.StatCity),
		Periods: [3]report.Span{{Label: "2026-11", First: "2026-11-01", Last: "2026-11-30"}, {Label: "2026-10"}, {Label: "2025-11"}},
		Total:   report.Row{Figures: [3]store.StatFigures{now, prev}},
		Target:  report.Goal{Tonnes: 200000, Amount: 100000000, Set: true},
		ByRep:   []report.Row{{Key: "8", Label: "刘销售", Figures: [3]store.StatFigures{now, prev}}},
		Split:   []report.Row{{Key: "沈阳", Label: "沈阳", Figures: [3]store.StatFigures{now, prev}}},
		Trend:   []report.Point{{Label: "2026-10", Figures: prev}, {Label: "2026-11", Figures: now}},
		Collections: &report.Collections{AsOf: "2026-11-30", Due: 40000000, OnTime: 30000000,
			Stages: []report.StageSum{{Stage: "current", Count: 3, Amount: 100000000}, {Stage: "letter", Count: 2, Amount: 23456789}}},
		Reviews: []report.Review{{RepID: 8, Rep: "刘销售", Ordered: now.Ordered, Target: report.Goal{Tonnes: 100000, Amount: 40000000, Set: true},
			NewCustomers: 2, Due: 30000000, OnTime: 27000000, DueInvoices: 3, OnTimeInvoices: 2}},
	}
	return r
}

// The workbook's cells hold the report's figures as numbers (money to
// the fen, tonnes to the kilogram, shares as the PDF rounds them), and
// its charts are native ones.
func TestReportWorkbook(t *testing.T) {
	var buf bytes.Buffer
	if err := Report(&buf, sampleReport()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "概况,趋势,按销售专员,客户前十,品名前十,按城市,回款,业绩评估" {
		t.Errorf("sheets %s", got)
	}
	for _, c := range []struct{ sheet, cell, want string }{
		{"概况", "A2", "订货（吨）"}, {"概况", "B2", "120.500"}, {"概况", "C2", "100.000"}, {"概况", "D2", "0.205"},
		{"概况", "A5", "订货（元）"}, {"概况", "B5", "560789.12"}, {"概况", "H5", "1000000.00"}, {"概况", "I5", "0.561"},
		{"概况", "A9", "应收余额（元）"}, {"概况", "B9", "1234567.89"},
		{"趋势", "E3", "560789.12"},
		{"按城市", "A2", "沈阳"}, {"按城市", "K2", "560789.12"}, {"按城市", "L2", "500000.00"},
		{"回款", "B3", "2"}, {"回款", "C3", "234567.89"},
		// What came back, after every other measure.
		{"概况", "A10", "退货（吨）"}, {"概况", "B10", "2.500"}, {"概况", "A11", "退货（元）"}, {"概况", "B11", "11500.00"}, {"概况", "C11", "0.00"},
		{"趋势", "H1", "退货（吨）"}, {"趋势", "I3", "11500.00"}, {"趋势", "J1", "回款（元）"},
		{"按城市", "Z1", "退货（吨）本期"}, {"按城市", "Z2", "2.500"}, {"按城市", "AC2", "11500.00"},
		{"业绩评估", "G2", "1.402"}, {"业绩评估", "O2", "0.900"}, {"业绩评估", "K2", "2"},
	} {
		if got, err := f.GetCellValue(c.sheet, c.cell); err != nil || got != c.want {
			t.Errorf("%s!%s = %q, want %q (%v)", c.sheet, c.cell, got, c.want, err)
		}
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, zf := range z.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 6 {
		t.Errorf("%d charts, want one on each of the 6 sheets with rows (the sample has no top customers or groups)", charts)
	}
}

// Without money the workbook has tonnes only and no collections or
// reviews.
func TestReportWorkbookWithheld(t *testing.T) {
	r := sampleReport()
	r.MoneyWithheld, r.Collections, r.Reviews = true, nil, nil
	var buf bytes.Buffer
	if err := Report(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("概况")
	for _, row := range rows {
		if strings.Contains(strings.Join(row, ","), "元") {
			t.Errorf("money in a report without it: %v", row)
		}
	}
	if strings.Contains(strings.Join(f.GetSheetList(), ","), "回款") {
		t.Error("collections in a report without money")
	}
}
