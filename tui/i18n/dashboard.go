package i18n

// dashboard are the words of the manager's dashboard (销售看板).
var dashboard = map[string]Text{
	"screen.dashboard": {"销售看板", "Dashboard"},
	"tab.dashboard":    {"看板", "Dash"},

	"key.dash.open":  {"打开", "open"},
	"key.dash.unit":  {"吨/金额", "tonnes/money"},
	"key.dash.start": {"设为首页", "start here"},

	"dash.title":       {"销售看板 · %s · %s", "Dashboard · %s · %s"},
	"dash.unit.money":  {"金额", "money"},
	"dash.unit.tonnes": {"吨", "tonnes"},
	"dash.start_here":  {"登录即进入本页", "opens at sign-in"},
	"dash.loading":     {"读取中…", "reading…"},
	"dash.withheld":    {"不可见", "withheld"},
	"dash.none":        {"无", "none"},

	"dash.col.figure": {"指标", "Figure"},
	"dash.col.today":  {"今日", "Today"},
	"dash.col.month":  {"本月", "Month"},
	"dash.col.plan":   {"月计划", "Plan"},
	"dash.col.done":   {"完成", "Done"},
	"dash.col.target": {"月目标", "Target"},

	"dash.top_customers": {"本月客户前%d(订货)", "Top %d customers (ordered)"},
	"dash.top_products":  {"本月产品前%d(订货)", "Top %d products (ordered)"},
	"dash.overdue":       {"逾期回款(按阶梯)", "Overdue by ladder stage"},
	"dash.pipeline":      {"待跟进", "Waiting"},
	"dash.invoices":      {"%d张", "%d inv."},
	"dash.inquiries":     {"未结询价", "Open inquiries"},
	"dash.quotes":        {"报价 待回复 / 待审", "Quotes out / to sign"},
	"dash.complaints":    {"投诉 未结 / 超期", "Complaints open / overdue"},
	"dash.no_pipeline":   {"(询价、报价与投诉不在您的权限内)", "(inquiries, quotes and complaints are not yours to see)"},
	"dash.line":          {"订货 本月 %s / 计划至今 %s", "Ordered %s / plan to date %s"},
	"dash.line.no_plan":  {"订货 本月 %s(本月无已批计划)", "Ordered %s (no approved plan this month)"},

	"cli.flag.month_orders": {"本月至今已回传的订单数(供销售看板)", "orders signed back this month so far (for the dashboard)"},

	"dash.start.set":   {"登录时将进入销售看板", "The desk opens on the dashboard at sign-in"},
	"dash.start.unset": {"登录时回到第一个标签页", "The desk opens on the first tab at sign-in"},
}
