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

var reportZH = reportWords{
	title:  map[string]string{"day": "销售日报", "week": "销售周报", "month": "销售月报", "quarter": "销售季报", "year": "销售年报", "range": "销售报表"},
	period: "本期", previous: "上期", lastYear: "去年同期", madeOn: "制表日期", by: "制表人",
	scope: "仅含销售专员的客户：", withheld: "金额不予显示（仅吨数）", noData: "本期无数据",
	measure: "项目", now: "本期", change: "增减", plan: "计划", target: "目标",
	ordered: "订货", shipped: "发货", invoiced: "开票", received: "回款", owed: "应收余额",
	tonnesUnit: "（吨）", moneyUnit: "（元）",
	byRep: "按销售专员", topCustomers: "客户前十", topGroups: "品名前十",
	rep: "销售专员", customer: "客户", group: "品名", noRep: "（无销售专员）",
	collections: "回款与逾期", asOf: "截至", dueInPeriod: "本期到期", onTime: "按期回款",
	stage: "阶段", invoices: "发票数", amount: "金额", overdue: "逾期合计",
	stages:  map[string]string{"current": "未逾期", "remind": "内勤提醒销售", "report": "未回款报告单", "letter": "逾期回款函"},
	reviews: "销售业绩评估", vsTarget: "目标完成率",
	chartPeriods: "本期、上期与去年同期", chartTrend: "走势", chartAttainment: "完成率（金额；无目标的按计划）",
	total: "合计", summary: "概况", ofPlanMark: "（计划）",
	pageOf:      pageOfZH,
	reviewHeads: []string{"销售专员", "订货（吨）", "目标（吨）", "完成率", "订货（元）", "目标（元）", "完成率", "计划完成率", "新客户", "本期到期", "按期回款"},
}

var reportEN = reportWords{
	title:  map[string]string{"day": "Daily sales report", "week": "Weekly sales report", "month": "Monthly sales report", "quarter": "Quarterly sales report", "year": "Yearly sales report", "range": "Sales report"},
	period: "This period", previous: "Period before", lastYear: "Last year", madeOn: "Made on", by: "by",
	scope: "Only the customers of ", withheld: "Money withheld (tonnes only)", noData: "Nothing in this period",
	measure: "Measure", now: "Now", change: "Change", plan: "Plan", target: "Target",
	ordered: "Ordered", shipped: "Shipped", invoiced: "Invoiced", received: "Received", owed: "Owed",
	tonnesUnit: " (t)", moneyUnit: " (yuan)",
	byRep: "By rep", topCustomers: "Top customers", topGroups: "Top product groups",
	rep: "Rep", customer: "Customer", group: "Product", noRep: "(no rep)",
	collections: "Collections and overdue", asOf: "as of", dueInPeriod: "Due in the period", onTime: "Received on time",
	stage: "Stage", invoices: "Invoices", amount: "Amount", overdue: "Overdue",
	stages:  map[string]string{"current": "Not late", "remind": "Remind", "report": "Unpaid report", "letter": "Overdue letter"},
	reviews: "Rep reviews", vsTarget: "Of target",
	chartPeriods: "Now, the period before and last year", chartTrend: "Trend", chartAttainment: "Attainment in money (of target; of plan where none)",
	total: "Total", summary: "Summary", ofPlanMark: " (plan)",
	pageOf:      func(page, of int) string { return fmt.Sprintf("page %d of %d", page, of) },
	reviewHeads: []string{"Rep", "Tonnes", "Target t", "%", "Ordered", "Target", "%", "Of plan", "Won", "Due", "On time"},
}

// wordsFor is the report's language: "en" English, anything else Chinese.
func wordsFor(lang string) reportWords {
	if lang == "en" {
		return reportEN
	}
	return reportZH
}
