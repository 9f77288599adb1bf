package i18n

// plans are the words of sales plans (销售计划) and targets (销售目标).
var plans = map[string]Text{
	"cli.demo.plans": {"  销售计划 %d 份,销售目标 %d 个", "  sales plans %d, sales targets %d"},

	"kind.sales_plan":              {"销售计划", "sales plan"},
	"kind.sales_target":            {"销售目标", "sales target"},
	"state.sales_plan.draft":       {"草稿", "draft"},
	"state.sales_plan.submitted":   {"待审核", "waiting for review"},
	"state.sales_plan.sent_back":   {"已退回", "sent back"},
	"state.sales_plan.approved":    {"已批准", "approved"},
	"state.sales_plan.void":        {"已作废", "void"},
	"state.sales_plan.withdrawn":   {"已撤回", "withdrawn"},
	"state.sales_target.draft":     {"草稿", "draft"},
	"state.sales_target.submitted": {"待审核", "waiting for review"},
	"state.sales_target.sent_back": {"已退回", "sent back"},
	"state.sales_target.approved":  {"已批准", "approved"},
	"state.sales_target.void":      {"已作废", "void"},
	"state.sales_target.withdrawn": {"已撤回", "withdrawn"},

	"period.month":   {"月计划", "month"},
	"period.week":    {"周计划", "week"},
	"period.day":     {"日计划", "day"},
	"period.year":    {"年", "year"},
	"activity.call":  {"电话", "call"},
	"activity.visit": {"拜访", "visit"},

	"review.plan_line": {"计划行", "Line"},

	"field.name.rep":           {"销售专员", "Sales rep"},
	"field.name.period":        {"期间", "Period"},
	"field.name.from":          {"开始日期", "From"},
	"field.name.to":            {"结束日期", "To"},
	"field.name.new_customers": {"新客户目标", "New customers"},
	"field.name.aims":          {"计划目标", "Aims"},
	"field.name.product_group": {"品名", "Product group"},
	"field.name.prospect":      {"拟开发客户", "Prospect"},
	"field.name.activity":      {"电话/拜访", "Call or visit"},
	"field.name.tonnes":        {"吨数", "Tonnes"},
	"field.name.result":        {"完成情况", "Results"},

	"field.overlaps_approved": {"与已批准的计划 %s 期间重叠", "overlaps the approved plan %s"},
	"field.unknown_group":     {"没有这个品名(品名取自商品目录)", "no such product group (the catalogue's product names)"},
	"field.target_approved":   {"该期间已有批准的目标 %s", "this period already has the approved target %s"},
	"field.period_too_long":   {"期间太长,最多 %d 天", "too long a period: at most %d days"},

	"refusal.plan_overlap":  {"与该专员已批准的同类计划期间重叠", "overlaps an approved plan of the rep and period kind"},
	"refusal.target_exists": {"该专员该期间已有批准的目标", "the rep already has an approved target for this period"},
	"refusal.not_your_plan": {"只能查看和制作自己的计划", "a rep's plans are their own"},
}
