package i18n

// visits are the words of visits (拜访): their states, goals, reviews,
// fields, refusals, the Visits screen and the visits waiting in Review.
var visits = map[string]Text{
	"cli.demo.week_visits": {"  拜访 %d 次(已访后分析、待分析、已计划、已取消)", "  visits %d (reviewed, waiting for review, planned, cancelled)"},

	"screen.visits":            {"拜访", "Visits"},
	"tab.visits":               {"拜访", "Visit"},
	"kind.visit":               {"拜访", "visit"},
	"state.visit.planned":      {"已计划", "planned"},
	"state.visit.reviewed":     {"已分析", "reviewed"},
	"state.visit.cancelled":    {"已取消", "cancelled"},
	"action.review":            {"访后分析", "reviewed"},
	"key.review":               {"访后分析", "review"},
	"key.plan_visit":           {"安排拜访(任何界面)", "plan a visit (from any screen)"},
	"visits.goal.relationship": {"增进感情", "relationship"},
	"visits.goal.volume":       {"促进进货", "more volume"},
	"visits.goal.collect":      {"催收货款", "collect money"},
	"visits.goal.problem":      {"解决问题", "solve a problem"},
	"visits.reached.yes":       {"达成", "reached"},
	"visits.reached.partly":    {"部分达成", "partly"},
	"visits.reached.no":        {"未达成", "not reached"},

	"field.name.whom":         {"拜访对象", "Whom"},
	"field.name.visit_on":     {"拜访日期", "Day"},
	"field.name.visit_at":     {"时间", "Time"},
	"field.name.place":        {"地点", "Place"},
	"field.name.goal":         {"拜访目标", "Goal"},
	"field.name.questions":    {"可能的问题与应答", "Questions and answers"},
	"field.name.materials":    {"携带资料", "Materials to take"},
	"field.name.open_matters": {"遗留问题", "Open from last time"},
	"field.name.reached":      {"目标达成", "Goal reached"},
	"field.name.achieved":     {"拜访结果", "What was achieved"},
	"field.name.why_not":      {"未达成原因", "Why not"},
	"field.name.improve":      {"改进措施", "To do better"},

	"field.date_in_past.visit_on": {"拜访不能安排在过去的日期", "a visit is planned for today or later"},
	"field.invalid_time.visit_at": {"时间格式:时:分,如 9:30", "write the time as HH:MM, e.g. 9:30"},

	"refusal.not_your_visit":     {"只能处理自己的拜访;访后分析由拜访人本人填写", "a rep's visits are their own, and the review is its owner's"},
	"refusal.visit_not_reviewed": {"先填写访后分析", "write the review first"},
	"refusal.visit_not_due":      {"拜访日期还没到,不能做访后分析", "the visit's day has not come: nothing to review yet"},
	"refusal.visit_closed":       {"拜访已分析或已取消", "the visit is reviewed or cancelled"},

	"review.visits.heading":  {"待做访后分析(%d)", "Visits to review (%d)"},
	"review.visits.hint":     {"enter 打开拜访", "enter opens the visit"},
	"review.visits.col.ref":  {"编号", "Ref"},
	"review.visits.col.whom": {"拜访对象", "Whom"},
	"review.visits.col.day":  {"日期", "Day"},
	"review.visits.col.late": {"天", "Days"},
	"review.visits.col.goal": {"目标", "Goal"},
}
