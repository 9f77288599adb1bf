package main

import (
	"archive/zip"
	"context"
	"fmt"
	"os/user"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/printout/pdftest"
	"orderdesk/workflow/workflowtest"
)

// tonnesText and the money's String are how the report prints figures.
func tonnesText(w store.Milli) string { return fmt.Sprintf("%d.%03d", w/1000, w%1000) }

// statsOf is what the statistics engine gives login for p: the figures
// every report must hold.
func statsOf(t *testing.T, db, login string, q workflow.StatQuery) workflow.StatView {
	t.Helper()
	eng := workflowtest.Open(t, db)
	defer eng.Store().Close()
	ctx := context.Background()
	var u store.User
	if err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { u, err = tx.UserByLogin(ctx, login); return err }); err != nil {
		t.Fatal(err)
	}
	v, err := eng.Desk(u).Statistics(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// squeezed drops the spaces pdftotext lays between columns.
func squeezed(s string) string { return strings.Join(strings.Fields(s), "") }

// TestReportCommands runs the month's, a week's and a day's report on the
// demo as PDF and as a workbook, and the statistics export: the PDF's
// text and the workbook's cells hold the figures the statistics engine
// gives, the workbook has native charts; a bad period is said plainly, a
// day with nothing in it is a report that says so; a rep sees only their
// customers.
func TestReportCommands(t *testing.T) {
	c := newCLI(t)
	c.steps([]step{{name: "demo", args: []string{"demo", "--customers", "30", "--products", "20", "--orders", "30", "--shipments", "20", "--invoices", "16"}}})
	dir := t.TempDir()
	month := workflow.PeriodOf(workflow.PeriodMonth, time.Now()).Previous()
	week := workflow.PeriodOf(workflow.PeriodWeek, month.From.AddDate(0, 0, 14))
	pdf, xlsx, stats := filepath.Join(dir, "m.pdf"), filepath.Join(dir, "m.xlsx"), filepath.Join(dir, "s.xlsx")
	bySource := filepath.Join(dir, "src.xlsx")
	c.steps([]step{
		{name: "month pdf", args: []string{"report", "month", month.Label(), "--out", pdf, "--lang", "zh"}, want: []string{"written to " + pdf}},
		{name: "month xlsx", args: []string{"report", "month", month.Label(), "--out", xlsx}, want: []string{"written to " + xlsx}},
		{name: "week in English", args: []string{"report", "week", week.Label(), "--out", filepath.Join(dir, "w.pdf"), "--lang", "en"}, want: []string{"written to"}},
		{name: "a day named by its week", args: []string{"report", "week", week.From.AddDate(0, 0, 2).Format(time.DateOnly), "--out", filepath.Join(dir, "w2.pdf")}, want: []string{"written to"}},
		{name: "day", args: []string{"report", "day", month.From.AddDate(0, 0, 9).Format(time.DateOnly), "--out", filepath.Join(dir, "d.pdf")}, want: []string{"written to"}},
		{name: "stats", args: []string{"export", "stats", "--period", month.Label(), "--by", "customer", "--out", stats}, want: []string{"written to " + stats}},
		{name: "stats by source", args: []string{"export", "stats", "--period", month.Label(), "--by", "source", "--out", bySource}, want: []string{"written to " + bySource}},
		{name: "bad month", args: []string{"report", "month", "2026-13", "--out", pdf}, wantErr: true, want: []string{"cannot read 2026-13 as a period"}},
		{name: "a month is not a week", args: []string{"report", "week", "2026-11", "--out", pdf}, wantErr: true, want: []string{"2026-11 is not a week"}},
		{name: "no such report", args: []string{"report", "year", "2026", "--out", pdf}, wantErr: true, want: []string{"a report is day, week or month"}},
		{name: "no file", args: []string{"report", "month", "2026-11"}, wantErr: true, want: []string{"--out"}},
		{name: "bad language", args: []string{"report", "month", "2026-11", "--out", pdf, "--lang", "fr"}, wantErr: true, want: []string{"zh or en"}},
		{name: "bad dimension", args: []string{"export", "stats", "--by", "colour", "--out", stats}, wantErr: true, want: []string{"no dimension called colour", "customer, rep"}},
		{name: "bad export period", args: []string{"export", "stats", "--period", "soon", "--out", stats}, wantErr: true, want: []string{"cannot read soon"}},
		{name: "empty day", args: []string{"report", "day", "2001-05-01", "--out", filepath.Join(dir, "e.pdf")}, want: []string{"nothing in 2001-05-01", "written to"}},
	})

	v := statsOf(t, c.db, "zhao", workflow.StatQuery{Period: month, Open: true})
	if v.NoData {
		t.Fatalf("the demo has nothing in %s", month.Label())
	}
	now := v.Total.Figures[workflow.StatNow]
	text := squeezed(pdftest.FileText(t, pdf))
	for _, want := range []string{
		"销售月报" + month.Label(),
		"订货（吨）" + tonnesText(now.Ordered.Tonnes) + tonnesText(v.Total.Figures[workflow.StatPrevious].Ordered.Tonnes),
		"订货（元）" + now.Ordered.Amount.String() + v.Total.Figures[workflow.StatPrevious].Ordered.Amount.String(),
		"发货（元）" + now.Shipped.Amount.String(), "开票（元）" + now.Invoiced.Amount.String(),
		"回款（元）" + now.Received.Amount.String(), "应收余额（元）" + now.Open.Amount.String(),
		"按销售专员", "客户前十", "品名前十", "回款与逾期", "销售业绩评估",
	} {
		if !strings.Contains(text, squeezed(want)) {
			t.Errorf("the month's PDF lacks %q", want)
		}
	}
	if en := pdftest.FileText(t, filepath.Join(dir, "w.pdf")); !strings.Contains(en, "Weekly sales report") {
		t.Errorf("the English week:\n%s", en)
	}
	// Without --lang, the desk's language (English here).
	if empty := pdftest.FileText(t, filepath.Join(dir, "e.pdf")); !strings.Contains(empty, "Nothing in this period") {
		t.Errorf("the empty day does not say so:\n%s", empty)
	}

	// The workbook: the same figures as numbers, and its charts.
	f, err := excelize.OpenFile(xlsx, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for cell, want := range map[string]string{"A2": "订货（吨）", "B2": tonnesText(now.Ordered.Tonnes), "A5": "订货（元）",
		"B5": moneyCell(now.Ordered.Amount), "B8": moneyCell(now.Received.Amount), "B9": moneyCell(now.Open.Amount)} {
		if got, _ := f.GetCellValue("概况", cell); got != want {
			t.Errorf("概况!%s = %q, want %q", cell, got, want)
		}
	}
	f.Close()
	hasChart(t, xlsx)

	byCustomer := statsOf(t, c.db, "zhao", workflow.StatQuery{Dim: store.StatCustomer, Period: month, Open: true})
	s, err := excelize.OpenFile(stats, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.GetRows("按客户")
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(byCustomer.Rows)+2 || rows[len(rows)-1][0] != "合计" || rows[len(rows)-1][10] != moneyCell(now.Ordered.Amount) {
		t.Errorf("按客户: %d rows for %d customers, total %v", len(rows), len(byCustomer.Rows), rows[len(rows)-1])
	}
	hasChart(t, stats)

	// By where the customers came from: each source by its Chinese name.
	sources := statsOf(t, c.db, "zhao", workflow.StatQuery{Dim: store.StatSource, Period: month, Open: true})
	src, err := excelize.OpenFile(bySource, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	rows, err = src.GetRows("按来源")
	src.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(sources.Rows)+2 || rows[len(rows)-1][10] != moneyCell(now.Ordered.Amount) {
		t.Errorf("按来源: %d rows for %d sources, total %v", len(rows), len(sources.Rows), rows[len(rows)-1])
	}
	for _, r := range rows[1 : len(rows)-1] {
		if !slices.Contains([]string{"来电", "网站", "展会", "介绍", "招商", "邮件", "QQ/微信", "其他", "（未填来源）"}, r[0]) {
			t.Errorf("按来源: a row named %q", r[0])
		}
	}

	// A rep at the terminal: their own customers only.
	me, err := user.Current()
	if err != nil {
		t.Skip(err)
	}
	c.steps([]step{
		{name: "zhao leaves the terminal", args: []string{"user", "os-user", "zhao", ""}},
		{name: "liu sits down", args: []string{"user", "os-user", "liu", me.Username}},
		{name: "liu's month", args: []string{"report", "month", month.Label(), "--out", pdf, "--lang", "zh"}, want: []string{"written to"}},
	})
	own := statsOf(t, c.db, "liu", workflow.StatQuery{Period: month, Open: true}).Total.Figures[workflow.StatNow]
	text = squeezed(pdftest.FileText(t, pdf))
	if !strings.Contains(text, squeezed("仅含销售专员的客户：刘销售")) || !strings.Contains(text, squeezed("订货（元）"+own.Ordered.Amount.String())) {
		t.Errorf("liu's report does not hold liu's figures (%v)", own.Ordered.Amount)
	}
	if own.Ordered.Amount != now.Ordered.Amount && strings.Contains(text, squeezed("订货（元）"+now.Ordered.Amount.String())) {
		t.Error("liu's report holds the whole desk's figures")
	}
	others := statsOf(t, c.db, "zhao", workflow.StatQuery{Dim: store.StatCustomer, Period: month,
		Filters: []store.StatFilter{{Dim: store.StatRep, Key: repID(t, c.db, "zheng")}}})
	if len(others.Rows) == 0 {
		t.Error("zheng's customers did nothing that month: the rep's report was not checked against them")
	}
	for _, r := range others.Rows {
		if strings.Contains(text, squeezed(r.Label)) {
			t.Errorf("liu's report names %s, zheng's customer", r.Label)
		}
	}
}

// moneyCell is money as the workbook's raw cell holds it.
func moneyCell(m store.Money) string {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	return fmt.Sprintf("%s%d.%02d", sign, m/100, m%100)
}

func repID(t *testing.T, db, login string) string {
	t.Helper()
	var id int64
	if err := storetest.ReadOnly(t, db).QueryRow(`SELECT id FROM users WHERE login = ?`, login).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(id)
}

// hasChart: the workbook holds a native chart part.
func hasChart(t *testing.T, path string) {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "xl/charts/chart1.xml" {
			return
		}
	}
	t.Errorf("%s has no xl/charts/chart1.xml", path)
}
