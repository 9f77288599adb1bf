package printout

import (
	"os"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow/report"
)

func fig(kg int64, fen int64) store.StatFigure {
	return store.StatFigure{Tonnes: store.Milli(kg), Amount: store.Money(fen)}
}

// sampleReport is a month with two reps, a customer and a product each,
// known figures throughout.
func sampleReport() report.Report {
	now := store.StatFigures{Ordered: fig(120500, 56078912), Shipped: fig(98250, 45012300), Invoiced: fig(90000, 41000000),
		Received: fig(0, 38000000), Open: fig(0, 123456789)}
	prev := store.StatFigures{Ordered: fig(100000, 50000000), Shipped: fig(80000, 40000000), Invoiced: fig(70000, 35000000),
		Received: fig(0, 30000000), Open: fig(0, 100000000)}
	ly := store.StatFigures{Ordered: fig(60000, 28039456)}
	liu := store.StatFigures{Ordered: fig(80500, 36078912), Shipped: fig(60000, 30000000), Received: fig(0, 20000000), Open: fig(0, 70000000)}
	zheng := store.StatFigures{Ordered: fig(40000, 20000000), Shipped: fig(38250, 15012300), Invoiced: fig(90000, 41000000), Received: fig(0, 18000000), Open: fig(0, 53456789)}
	r := report.Report{Kind: "month", MadeOn: "2026-12-01", By: "赵主管",
		Periods: [3]report.Span{{Label: "2026-11", First: "2026-11-01", Last: "2026-11-30"}, {Label: "2026-10", First: "2026-10-01", Last: "2026-10-31"}, {Label: "2025-11", First: "2025-11-01", Last: "2025-11-30"}},
		Total:   report.Row{Label: "2026-11", Figures: [3]store.StatFigures{now, prev, ly}},
		Plan:    report.Goal{Tonnes: 150000, Amount: 70000000, Set: true}, Target: report.Goal{Tonnes: 200000, Amount: 100000000, Set: true},
		ByRep:        []report.Row{{Key: "8", Label: "刘销售", Figures: [3]store.StatFigures{liu}}, {Key: "9", Label: "郑销售", Figures: [3]store.StatFigures{zheng}}},
		TopCustomers: []report.Row{{Key: "1", Label: "沈阳月结机械", Figures: [3]store.StatFigures{liu}}},
		TopGroups:    []report.Row{{Key: "热轧钢板", Label: "热轧钢板", Figures: [3]store.StatFigures{{Ordered: now.Ordered}}}},
		Collections: &report.Collections{AsOf: "2026-11-30", Received: 38000000, Owed: 123456789, Due: 40000000, OnTime: 30000000, Overdue: 23456789,
			Stages: []report.StageSum{{Stage: "current", Count: 3, Amount: 100000000}, {Stage: "remind", Count: 1, Amount: 3456789}, {Stage: "report", Count: 1, Amount: 10000000}, {Stage: "letter", Count: 2, Amount: 10000000}}},
		Reviews: []report.Review{
			{RepID: 8, Rep: "刘销售", Ordered: liu.Ordered, Target: report.Goal{Tonnes: 100000, Amount: 40000000, Set: true},
				Plan: report.Goal{Tonnes: 90000, Amount: 36078912, Set: true}, NewCustomers: 2, NewPlanned: 3, Due: 30000000, OnTime: 27000000},
			{RepID: 9, Rep: "郑销售", Ordered: zheng.Ordered, NewCustomers: 0, Due: 10000000, OnTime: 3000000},
		},
	}
	for i := 0; i < 12; i++ {
		r.Trend = append(r.Trend, report.Point{Label: "2026-" + string(rune('0'+i/10)) + string(rune('0'+i%10)), Figures: prev})
	}
	r.Trend[11] = report.Point{Label: "2026-11", Figures: now}
	return r
}

func TestReportPDF(t *testing.T) {
	pdf, err := ReportPDF(sampleReport(), "zh")
	if err != nil {
		t.Fatal(err)
	}
	if path := os.Getenv("REPORT_PDF"); path != "" {
		os.WriteFile(path, pdf, 0o644)
	}
	doc := extract(t, pdf)
	mustContain(t, "the month's report", doc.all(),
		"销售月报 2026-11", "本期 2026-11-01–2026-11-30", "制表人 赵主管",
		// ordered: now, before, change, last year, change, plan, target, of target
		"订货（吨） 120.500 100.000 20.5% 60.000 100.8% 150.000 200.000 60.3%",
		"订货（元） 560,789.12 500,000.00 12.2% 280,394.56 100.0% 700,000.00 1,000,000.00 56.1%",
		"回款（元） 380,000.00 300,000.00 26.7%",
		"应收余额（元） 1,234,567.89 1,000,000.00",
		"按销售专员", "刘销售 80.500 360,789.12", "合计 120.500 560,789.12 0.00 0.00 450,123.00 410,000.00 380,000.00 1,234,567.89",
		"客户前十", "沈阳月结机械", "品名前十", "热轧钢板",
		"回款与逾期", "截至 2026-11-30", "按期回款 300,000.00 75.0%",
		"内勤提醒销售 1 34,567.89", "逾期回款函 2 100,000.00", "合计 7 1,234,567.89", "逾期合计 234,567.89",
		"销售业绩评估", "刘销售 80.500 100.000 80.5% 360,789.12 400,000.00 90.2% 100.0% 2 / 3 300,000.00 90.0%",
		"郑销售 40.000 — — 200,000.00 — — — 0 100,000.00 30.0%",
		"本期、上期与去年同期", "走势", "完成率（金额；无目标的按计划）",
	)
	en, err := ReportPDF(sampleReport(), "en")
	if err != nil {
		t.Fatal(err)
	}
	enText := extract(t, en).all()
	mustContain(t, "the English report", enText, "Monthly sales report 2026-11", "Rep reviews", "Received on time", "Overdue letter", "page 1 of ")
	if strings.Contains(enText, "页") {
		t.Errorf("the English report's footer is in Chinese:\n%s", enText)
	}
}

// A report with nothing in it says so; one without money shows tonnes
// only, no collections and no reviews.
func TestReportPDFEmptyAndWithheld(t *testing.T) {
	empty := report.Report{Kind: "day", NoData: true, Periods: [3]report.Span{{Label: "2001-05-01", First: "2001-05-01", Last: "2001-05-01"}}}
	pdf, err := ReportPDF(empty, "zh")
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "an empty day", extract(t, pdf).all(), "销售日报 2001-05-01", "本期无数据")

	r := sampleReport()
	r.MoneyWithheld, r.Collections, r.Reviews = true, nil, nil
	pdf, err = ReportPDF(r, "zh")
	if err != nil {
		t.Fatal(err)
	}
	text := extract(t, pdf).all()
	mustContain(t, "the warehouse's report", text, "金额不予显示", "订货（吨） 120.500")
	for _, no := range []string{"订货（元）", "回款与逾期", "销售业绩评估", "560,789.12"} {
		if strings.Contains(squeeze(text), squeeze(no)) {
			t.Errorf("the report without money shows %q", no)
		}
	}
}
