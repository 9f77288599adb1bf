package i18n

// complaints are the words of after-sales: complaints and service
// requests (投诉与售后) and follow-up calls (回访).
var complaints = map[string]Text{
	"cli.flag.complaints": {"投诉条数(各种状态)", "complaints to record, in every state"},
	"cli.demo.complaints": {"  投诉 %d 条", "  complaints %d"},

	"kind.complaint":            {"投诉", "complaint"},
	"state.complaint.open":      {"待处理", "open"},
	"state.complaint.in_hand":   {"处理中", "in hand"},
	"state.complaint.resolved":  {"待结案", "resolved"},
	"state.complaint.closed":    {"已结案", "closed"},
	"state.complaint.withdrawn": {"已撤回", "withdrawn"},
	"action.take_action":        {"开始处理", "took it in hand"},
	"key.take_action":           {"处理", "act"},
	"action.resolve":            {"提出处理结果", "resolved"},
	"key.resolve":               {"处理结果", "resolve"},

	"complaint.type.quality":    {"质量问题", "quality"},
	"complaint.type.short":      {"少发", "short delivery"},
	"complaint.type.over":       {"多发", "over delivery"},
	"complaint.type.wrong_spec": {"牌号/规格错", "wrong grade or spec"},
	"complaint.type.late":       {"交货延迟", "late delivery"},
	"complaint.type.damage":     {"运输损坏", "damage in transport"},
	"complaint.type.billing":    {"开票问题", "billing"},
	"complaint.type.price":      {"价格异议", "price"},
	"complaint.type.service":    {"服务", "service"},

	"complaint.channel.phone":  {"电话", "phone"},
	"complaint.channel.visit":  {"来访", "visit"},
	"complaint.channel.email":  {"邮件", "e-mail"},
	"complaint.channel.wechat": {"微信/QQ", "WeChat/QQ"},
	"complaint.channel.letter": {"信函", "letter"},

	"complaint.severity.low":    {"轻", "low"},
	"complaint.severity.normal": {"一般", "normal"},
	"complaint.severity.high":   {"严重", "high"},

	"complaint.resolution.explained": {"解释说明", "explained"},
	"complaint.resolution.replaced":  {"换货/补发", "replaced"},
	"complaint.resolution.returned":  {"退货", "returned"},
	"complaint.resolution.allowance": {"让价", "price allowance"},
	"complaint.resolution.credit":    {"红字冲销", "credit"},

	"followup.source.delivery":  {"发货回访", "after delivery"},
	"followup.source.complaint": {"投诉回访", "after a complaint"},
	"followup.satisfied":        {"满意", "satisfied"},
	"followup.unsatisfied":      {"不满意", "not satisfied"},

	"field.name.concerns":   {"涉及单据", "Concerns"},
	"field.name.type":       {"类型", "Type"},
	"field.name.words":      {"客户原话", "Customer's words"},
	"field.name.channel":    {"来源", "Came in by"},
	"field.name.severity":   {"严重程度", "Severity"},
	"field.name.resolution": {"处理结果", "Resolution"},
	"field.name.satisfied":  {"是否满意", "Satisfied"},
	"field.name.remark":     {"客户意见", "What they said"},

	"field.required.resolution":      {"结案须填写处理结果(解释/换货/退货/让价/红字)", "a complaint is closed only with its resolution (explained, replaced, returned, allowance, credit)"},
	"field.invalid_choice.concerns":  {"该客户没有这张订单、发货单或发票(或号码不唯一)", "no order, delivery note or invoice of this customer by that number (or more than one)"},
	"field.required.satisfied":       {"请填 y(满意)或 n(不满意)", "y (satisfied) or n (not)"},
	"field.invalid_choice.satisfied": {"请填 y(满意)或 n(不满意)", "y (satisfied) or n (not)"},

	"refusal.resolution_missing":    {"结案须先记录处理结果", "a complaint is resolved and closed only with its resolution recorded"},
	"refusal.resolver_cannot_close": {"处理人不能为自己的处理结果结案:须由另一人复核", "you resolved this complaint: someone else must sign its close off"},
}
