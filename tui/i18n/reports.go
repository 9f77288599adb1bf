package i18n

// reports are the words of the sales reports (日报、周报、月报), the
// statistics workbook and the reps' reviews.
var reports = map[string]Text{
	"cli.cmd.report":       {"把某日、某周或某月的销售报表写成 PDF 或 Excel(按 --out 的扩展名)", "write the sales report of a day, week or month as PDF or Excel (by --out's extension)"},
	"cli.flag.report_lang": {"报表语言:zh 或 en(默认按界面语言)", "the report's language: zh or en (default the desk's)"},
	"cli.flag.period":      {"期间:日 2026-11-30、周 2026-W49、月 2026-11、季 2026-Q4、年 2026(默认本月)", "period: a day 2026-11-30, a week 2026-W49, a month 2026-11, a quarter 2026-Q4, a year 2026 (default this month)"},
	"cli.flag.by":          {"再按哪个维度列出全部行:%s", "the dimension whose every row the workbook lists: %s"},
	"cli.report.kind":      {"报表是 day、week 或 month,不是 %s", "a report is day, week or month, not %s"},
	"cli.report.bad_period": {"读不懂期间 %s:日如 2026-11-30,周如 2026-W49(或其中的一天),月如 2026-11",
		"cannot read %s as a period: a day is 2026-11-30, a week 2026-W49 (or a day in it), a month 2026-11"},
	"cli.report.wrong_kind": {"%s 不是%s", "%s is not a %s"},
	"cli.report.out":        {"请用 --out 指定 .pdf 或 .xlsx 文件", "name the .pdf or .xlsx file with --out"},
	"cli.report.lang":       {"报表语言是 zh 或 en,不是 %s", "a report's language is zh or en, not %s"},
	"cli.report.by":         {"没有 %s 这个维度:%s", "no dimension called %s: %s"},
	"cli.report.no_data":    {"%s 没有数据:报表写明了这一点", "nothing in %s: the report says so"},
	"cli.report.day":        {"日", "day"},
	"cli.report.week":       {"周", "week"},
	"cli.report.month":      {"月", "month"},

	// The reviews on the Statistics screen.
	"key.stat.reviews":     {"业绩评估", "rep reviews"},
	"review.title":         {"销售业绩评估", "Rep reviews"},
	"review.no_rep":        {"(无业务员)", "(no rep)"},
	"review.col.tonnes":    {"订货吨", "Tonnes"},
	"review.col.ordered":   {"订货额", "Ordered"},
	"review.col.target":    {"目标额", "Target"},
	"review.col.of_target": {"完成率", "Of target"},
	"review.col.of_plan":   {"计划完成", "Of plan"},
	"review.col.won":       {"新客户", "Won"},
	"review.col.on_time":   {"按期回款", "On time"},
	"review.none":          {"本期没有业务员的评估", "no rep to review in this period"},
	"review.note": {"完成率=订货额÷目标额(计划完成=÷计划额);新客户=首单在本期的客户(/计划数);\n按期回款=本期到期的发票款中到期日前收到的份额",
		"of target = ordered ÷ target (of plan: ÷ the plans);\nwon = customers whose first order fell in the period (/ planned);\non time = the share of the money due in the period received by its due day"},
}
