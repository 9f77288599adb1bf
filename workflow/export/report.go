package export

import (
	"fmt"
	"io"
	"slices"

	"github.com/xuri/excelize/v2"

	"orderdesk/store"
	"orderdesk/workflow"
	"orderdesk/workflow/report"
)

// share is a share in tenths of a per cent (report.Share), written as a
// percentage cell.
type share int64

// shareOf is num/den as a share cell, or "—" when there is none.
func shareOf(num, den int64) any {
	if t, ok := report.Share(num, den); ok {
		return share(t)
	}
	return "—"
}

// DimNames are the statistics' dimensions as a sheet names them.
var DimNames = map[store.StatDim]string{store.StatAll: "合计", store.StatCustomer: "客户", store.StatRep: "销售专员",
	store.StatCity: "城市", store.StatProvince: "省份", store.StatTerms: "付款方式", store.StatSource: "来源", store.StatGrade: "牌号",
	store.StatName: "品名", store.StatSpec: "规格", store.StatItem: "产品"}

// ReportTitles name a report by its period's kind.
var ReportTitles = map[string]string{"day": "销售日报", "week": "销售周报", "month": "销售月报", "quarter": "销售季报", "year": "销售年报", "range": "销售报表"}

var periodHeads = []string{"本期", "上期", "去年同期"}

// measureCol is one measure in tonnes or in money.
type measureCol struct {
	m      store.StatMeasure
	tonnes bool
	name   string
}

// allMeasureCols: what came back is last, so every cell of the sheets
// before it stays where it was.
var allMeasureCols = []measureCol{
	{store.StatOrdered, true, "订货（吨）"}, {store.StatShipped, true, "发货（吨）"}, {store.StatInvoiced, true, "开票（吨）"},
	{store.StatOrdered, false, "订货（元）"}, {store.StatShipped, false, "发货（元）"}, {store.StatInvoiced, false, "开票（元）"},
	{store.StatReceived, false, "回款（元）"}, {store.StatOpen, false, "应收余额（元）"},
	{store.StatReturned, true, "退货（吨）"}, {store.StatReturned, false, "退货（元）"},
}

// colOf is the place (from 0) of measure m in tonnes or money among cols.
func colOf(cols []measureCol, m store.StatMeasure, tonnes bool) int {
	return slices.IndexFunc(cols, func(c measureCol) bool { return c.m == m && c.tonnes == tonnes })
}

// measureCols are those shown: tonnes only when money is withheld;
// without received and owed for a split by goods.
func measureCols(withheld, goods bool) []measureCol {
	var out []measureCol
	for _, c := range allMeasureCols {
		if (!c.tonnes && withheld) || (goods && c.m.MoneyOnly()) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// cell is the figure as a cell value: tonnes or money.
func (c measureCol) cell(f store.StatFigures) any {
	if c.tonnes {
		return f.Of(c.m).Tonnes
	}
	return f.Of(c.m).Amount
}

func (c measureCol) value(f store.StatFigures) int64 {
	if c.tonnes {
		return int64(f.Of(c.m).Tonnes)
	}
	return int64(f.Of(c.m).Amount)
}

// Report writes a report as a workbook with native Excel charts: the
// summary, the trend, by rep, the top customers and product groups, the
// split by one more dimension, collections and the reps' reviews. Every
// figure is the report's own, as the PDF prints it.
func Report(w io.Writer, r report.Report) error {
	b := newBook()
	b.reportSummary(r)
	b.reportTrend(r)
	b.reportRows("按销售专员", "销售专员", r.ByRep, r, false)
	b.reportRows("客户前十", "客户", r.TopCustomers, r, false)
	b.reportRows("品名前十", "品名", r.TopGroups, r, true)
	if dim := store.StatDim(r.SplitBy); dim != store.StatRep && dim != "" {
		b.reportRows("按"+DimNames[dim], DimNames[dim], r.Split, r, dim.Goods())
	}
	b.reportCollections(r)
	b.reportReviews(r)
	return b.write(w)
}

// ref is a range of one column of a sheet, as a chart's formula.
func ref(sheet string, col, from, to int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, c, from, c, to)
}

// chart adds a native chart at cell over categories cats, a series per
// column named by the header in row 1.
func (b *book) chart(sheet, cell string, typ excelize.ChartType, title, cats string, cols []int, from, to int) {
	if b.err != nil || to < from {
		return
	}
	c := &excelize.Chart{Type: typ, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		Dimension: excelize.ChartDimension{Width: 640, Height: 320}, Legend: excelize.ChartLegend{Position: "bottom"}}
	for _, col := range cols {
		c.Series = append(c.Series, excelize.ChartSeries{Name: ref(sheet, col, 1, 1), Categories: cats, Values: ref(sheet, col, from, to)})
	}
	b.err = b.f.AddChart(sheet, cell, c)
}

// reportSummary: every measure now, before and last year with the
// changes, the plans and targets beside ordered, and what the report is.
func (b *book) reportSummary(r report.Report) {
	const name = "概况"
	b.sheet(name, []string{"项目", "本期", "上期", "增减", "去年同期", "增减", "计划", "目标", "目标完成率"}, []float64{18, 16, 16, 10, 16, 10, 16, 16, 12})
	f := r.Total.Figures
	cols := measureCols(r.MoneyWithheld, false)
	row := 2
	chartFrom, chartTo := 0, 0
	for _, c := range cols {
		now, prev, ly := c.value(f[report.Now]), c.value(f[report.Previous]), c.value(f[report.LastYear])
		vals := []any{c.name, c.cell(f[report.Now]), c.cell(f[report.Previous]), shareOf(now-prev, prev), c.cell(f[report.LastYear]), shareOf(now-ly, ly)}
		if c.m == store.StatOpen {
			vals[3], vals[5] = "", "" // a balance, not a flow
		}
		flow := c.m != store.StatOpen && c.m != store.StatReturned // what the chart compares
		if c.m == store.StatOrdered {
			vals = append(vals, goalCell(r.Plan, c.tonnes), goalCell(r.Target, c.tonnes), "—")
			if r.Target.Set {
				vals[8] = shareOf(now, goalOf(r.Target, c.tonnes))
			}
		}
		b.row(name, row, vals...)
		// The chart compares the flows in money (tonnes when withheld).
		if c.tonnes == r.MoneyWithheld && flow {
			if chartFrom == 0 {
				chartFrom = row
			}
			chartTo = row
		}
		row++
	}
	row++
	meta := [][2]string{{"报表", ReportTitles[r.Kind] + " " + r.Periods[report.Now].Label}}
	for i, s := range r.Periods {
		meta = append(meta, [2]string{periodHeads[i], s.Label + "（" + s.First + "–" + s.Last + "）"})
	}
	meta = append(meta, [2]string{"制表日期", r.MadeOn}, [2]string{"制表人", r.By})
	if r.Scope != "" {
		meta = append(meta, [2]string{"范围", "仅含" + r.Scope + "的客户"})
	}
	if r.MoneyWithheld {
		meta = append(meta, [2]string{"金额", "不予显示（仅吨数）"})
	}
	if r.NoData {
		meta = append(meta, [2]string{"数据", "本期无数据"})
	}
	for _, m := range meta {
		b.row(name, row, m[0], m[1])
		row++
	}
	b.chart(name, "K2", excelize.Col, "本期、上期与去年同期", ref(name, 1, chartFrom, chartTo), []int{2, 3, 5}, chartFrom, chartTo)
}

func goalOf(g report.Goal, tonnes bool) int64 {
	if tonnes {
		return int64(g.Tonnes)
	}
	return int64(g.Amount)
}

func goalCell(g report.Goal, tonnes bool) any {
	switch {
	case !g.Set:
		return "—"
	case tonnes:
		return g.Tonnes
	}
	return g.Amount
}

// reportTrend: the flows of each period of the trend, with a line chart
// of ordered and shipped.
func (b *book) reportTrend(r report.Report) {
	const name = "趋势"
	cols := measureCols(r.MoneyWithheld, true)
	heads := []string{"期间"}
	for _, c := range cols {
		heads = append(heads, c.name)
	}
	if !r.MoneyWithheld {
		heads = append(heads, "回款（元）")
	}
	b.sheet(name, heads, []float64{14, 16, 16, 16, 16, 16, 16, 16, 16, 16})
	for i, x := range r.Trend {
		vals := []any{x.Label}
		for _, c := range cols {
			vals = append(vals, c.cell(x.Figures))
		}
		if !r.MoneyWithheld {
			vals = append(vals, x.Figures.Received.Amount)
		}
		b.row(name, i+2, vals...)
	}
	// Ordered and shipped: in money, or in tonnes when money is withheld
	// (the sheet's columns after the period's).
	inTonnes := r.MoneyWithheld
	series := []int{2 + colOf(cols, store.StatOrdered, inTonnes), 2 + colOf(cols, store.StatShipped, inTonnes)}
	last := len(r.Trend) + 1
	b.chart(name, "J2", excelize.Line, "走势", ref(name, 1, 2, last), series, 2, last)
}

// reportRows: a dimension's rows, every measure shown in the three
// periods, a total row, and a chart of ordered now against before.
func (b *book) reportRows(name, head string, rows []report.Row, r report.Report, goods bool) {
	cols := measureCols(r.MoneyWithheld, goods)
	heads := []string{head}
	widths := []float64{30}
	for _, c := range cols {
		for _, p := range periodHeads {
			heads = append(heads, c.name+p)
			widths = append(widths, 16)
		}
	}
	b.sheet(name, heads, widths)
	var sum [3]store.StatFigures
	cells := func(label string, f [3]store.StatFigures) []any {
		vals := []any{label}
		for _, c := range cols {
			for i := range f {
				vals = append(vals, c.cell(f[i]))
			}
		}
		return vals
	}
	for i, x := range rows {
		b.row(name, i+2, cells(rowLabel(head, x.Label), x.Figures)...)
		for j := range sum {
			sum[j] = sum[j].Add(x.Figures[j])
		}
	}
	b.row(name, len(rows)+2, cells("合计", sum)...)
	// Ordered now and before: money when shown, else tonnes (three
	// periods a measure, after the label).
	first := 2 + 3*colOf(cols, store.StatOrdered, r.MoneyWithheld)
	last := min(len(rows), 20) + 1
	cellAt, _ := excelize.CoordinatesToCellName(len(heads)+2, 2)
	b.chart(name, cellAt, excelize.Bar, heads[first-1]+"、"+periodHeads[1], ref(name, 1, 2, last), []int{first, first + 1}, 2, last)
}

// reportCollections: received, owed, due and on time, and the open
// invoices on each rung of the ladder, with a chart of the rungs.
func (b *book) reportCollections(r report.Report) {
	c := r.Collections
	if c == nil {
		return
	}
	const name = "回款"
	b.sheet(name, []string{"阶段", "发票数", "金额"}, []float64{22, 12, 18})
	for i, s := range c.Stages {
		b.row(name, i+2, StageNames[workflow.Stage(s.Stage)], s.Count, s.Amount)
	}
	row := len(c.Stages) + 3
	for _, kv := range []struct {
		k string
		v any
	}{{"截至", c.AsOf}, {"本期回款", c.Received}, {"期末应收余额", c.Owed}, {"本期到期", c.Due}, {"按期回款", c.OnTime},
		{"按期回款率", shareOf(int64(c.OnTime), int64(c.Due))}, {"逾期合计", c.Overdue}} {
		b.row(name, row, kv.k, "", kv.v)
		row++
	}
	b.chart(name, "E2", excelize.Col, "回款阶梯（截至"+c.AsOf+"）", ref(name, 1, 2, len(c.Stages)+1), []int{3}, 2, len(c.Stages)+1)
}

// reportReviews: each rep's review, with a chart of the attainment of
// target in money.
func (b *book) reportReviews(r report.Report) {
	if len(r.Reviews) == 0 {
		return
	}
	const name = "业绩评估"
	b.sheet(name, []string{"销售专员", "订货（吨）", "目标（吨）", "完成率（吨）", "订货（元）", "目标（元）", "完成率（元）",
		"计划（吨）", "计划（元）", "计划完成率（元）", "新客户", "计划新客户", "本期到期（元）", "按期回款（元）", "按期回款率",
		"到期发票", "按期付清发票"}, []float64{14, 12, 12, 12, 16, 16, 12, 12, 16, 14, 8, 10, 16, 16, 12, 10, 12})
	for i, x := range r.Reviews {
		rep := x.Rep
		if x.RepID == 0 {
			rep = "（无销售专员）"
		}
		ofTonnes, ofAmount, ofPlan := any("—"), any("—"), any("—")
		if x.Target.Set {
			ofTonnes, ofAmount = shareOf(int64(x.Ordered.Tonnes), int64(x.Target.Tonnes)), shareOf(int64(x.Ordered.Amount), int64(x.Target.Amount))
		}
		if x.Plan.Set {
			ofPlan = shareOf(int64(x.Ordered.Amount), int64(x.Plan.Amount))
		}
		b.row(name, i+2, rep, x.Ordered.Tonnes, goalCell(x.Target, true), ofTonnes, x.Ordered.Amount, goalCell(x.Target, false), ofAmount,
			goalCell(x.Plan, true), goalCell(x.Plan, false), ofPlan, x.NewCustomers, x.NewPlanned, x.Due, x.OnTime,
			shareOf(int64(x.OnTime), int64(x.Due)), x.DueInvoices, x.OnTimeInvoices)
	}
	last := len(r.Reviews) + 1
	b.chart(name, "B"+fmt.Sprint(last+3), excelize.Bar, "完成率与按期回款率", ref(name, 1, 2, last), []int{7, 15}, 2, last)
}
