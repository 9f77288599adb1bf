package printout

import "fmt"

// reportWords are a report's words in one language: the manager reads
// Chinese, a visitor English.
type reportWords struct {
	title                                      map[string]string // by period kind
	period, previous, lastYear, madeOn, by     string
	scope, withheld, noData                    string
	measure, now, change, plan, target         string
	ordered, shipped, invoiced, received, owed string
	tonnesUnit, moneyUnit                      string
	byRep, topCustomers, topGroups             string
	rep, customer, group, noRep                string
	collections, asOf, dueInPeriod, onTime     string
	stage, invoices, amount, overdue           string
	stages                                     map[string]string
	reviews, vsTarget                          string
	chartPeriods, chartTrend, chartAttainment  string
	total, summary, ofPlanMark                 string
	// reviewHeads head the reviews' table, short enough for its eleven
	// columns across the page.
	reviewHeads []string
	pageOf      func(page, of int) string
}

// wordsFor is the report's language: "en" English, anything else
// Chinese. Each word is written once with both its languages, so the
// two never drift apart.
func wordsFor(lang string) reportWords {
	en := lang == "en"
	w := func(zh, english string) string {
		if en {
			return english
		}
		return zh
	}
	pageOf := pageOfZH
	heads := []string{"销售专员", "订货（吨）", "目标（吨）", "完成率", "订货（元）", "目标（元）", "完成率", "计划完成率", "新客户", "本期到期", "按期回款"}
	if en {
		heads = []string{"Rep", "Tonnes", "Target t", "%", "Ordered", "Target", "%", "Of plan", "Won", "Due", "On time"}
		pageOf = func(page, of int) string { return fmt.Sprintf("page %d of %d", page, of) }
	}
	return reportWords{
		title: map[string]string{"day": w("销售日报", "Daily sales report"), "week": w("销售周报", "Weekly sales report"),
			"month": w("销售月报", "Monthly sales report"), "quarter": w("销售季报", "Quarterly sales report"),
			"year": w("销售年报", "Yearly sales report"), "range": w("销售报表", "Sales report")},
		period: w("本期", "This period"), previous: w("上期", "Period before"), lastYear: w("去年同期", "Last year"),
		madeOn: w("制表日期", "Made on"), by: w("制表人", "by"),
		scope: w("仅含销售专员的客户：", "Only the customers of "), withheld: w("金额不予显示（仅吨数）", "Money withheld (tonnes only)"),
		noData:  w("本期无数据", "Nothing in this period"),
		measure: w("项目", "Measure"), now: w("本期", "Now"), change: w("增减", "Change"), plan: w("计划", "Plan"), target: w("目标", "Target"),
		ordered: w("订货", "Ordered"), shipped: w("发货", "Shipped"), invoiced: w("开票", "Invoiced"), received: w("回款", "Received"),
		owed:       w("应收余额", "Owed"),
		tonnesUnit: w("（吨）", " (t)"), moneyUnit: w("（元）", " (yuan)"),
		byRep: w("按销售专员", "By rep"), topCustomers: w("客户前十", "Top customers"), topGroups: w("品名前十", "Top product groups"),
		rep: w("销售专员", "Rep"), customer: w("客户", "Customer"), group: w("品名", "Product"), noRep: w("（无销售专员）", "(no rep)"),
		collections: w("回款与逾期", "Collections and overdue"), asOf: w("截至", "as of"), dueInPeriod: w("本期到期", "Due in the period"),
		onTime: w("按期回款", "Received on time"),
		stage:  w("阶段", "Stage"), invoices: w("发票数", "Invoices"), amount: w("金额", "Amount"), overdue: w("逾期合计", "Overdue"),
		stages: map[string]string{"current": w("未逾期", "Not late"), "remind": w("内勤提醒销售", "Remind"),
			"report": w("未回款报告单", "Unpaid report"), "letter": w("逾期回款函", "Overdue letter")},
		reviews: w("销售业绩评估", "Rep reviews"), vsTarget: w("目标完成率", "Of target"),
		chartPeriods: w("本期、上期与去年同期", "Now, the period before and last year"), chartTrend: w("走势", "Trend"),
		chartAttainment: w("完成率（金额；无目标的按计划）", "Attainment in money (of target; of plan where none)"),
		total:           w("合计", "Total"), summary: w("概况", "Summary"), ofPlanMark: w("（计划）", " (plan)"),
		reviewHeads: heads,
		pageOf:      pageOf,
	}
}
