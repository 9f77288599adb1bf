package i18n

// leads are the words of leads (销售线索 / 意向客户): their stages, moves,
// sources, log and refusals.
var leads = map[string]Text{
	"cli.demo.leads": {"  销售线索 %d 条(各阶段都有)", "  leads %d (in every stage)"},

	"kind.lead":             {"销售线索", "lead"},
	"state.lead.new":        {"新线索", "new"},
	"state.lead.contacted":  {"已联系", "contacted"},
	"state.lead.interested": {"有意向", "interested"},
	"state.lead.quoted":     {"已报价", "quoted"},
	"state.lead.won":        {"已成交", "won"},
	"state.lead.lost":       {"已流失", "lost"},
	"action.contact":        {"已联系", "contacted"},
	"action.interest":       {"有意向", "interested"},
	"action.quoted":         {"已报价", "quoted"},
	"key.contact":           {"已联系", "contacted"},
	"key.interest":          {"有意向", "interested"},
	"key.quoted":            {"已报价", "quoted"},

	"lead.source.phone":      {"来电", "phone"},
	"lead.source.website":    {"网站", "website"},
	"lead.source.exhibition": {"展会", "exhibition"},
	"lead.source.referral":   {"介绍", "referral"},
	"lead.source.investment": {"招商", "promotion"},
	"lead.source.email":      {"邮件", "e-mail"},
	"lead.source.im":         {"QQ/微信", "QQ/WeChat"},
	"lead.channel.call":      {"电话", "call"},
	"lead.channel.message":   {"短信", "message"},
	"lead.channel.email":     {"邮件", "e-mail"},
	"lead.channel.im":        {"QQ/微信", "QQ/WeChat"},

	"field.name.im":          {"QQ/微信", "QQ/WeChat"},
	"field.name.source":      {"来源", "Source"},
	"field.name.grades":      {"牌号", "Grades"},
	"field.name.specs":       {"规格", "Specs"},
	"field.name.next_step":   {"下一步", "Next step"},
	"field.name.next_on":     {"下一步日期", "Next step on"},
	"field.name.owner":       {"负责人", "Owner"},
	"field.name.contact_way": {"方式", "Channel"},

	"field.no_way_to_reach":    {"电话、邮箱、QQ/微信至少填一项", "a phone, an e-mail or a QQ/WeChat is needed to reach it"},
	"field.duplicate_customer": {"已有客户档案:%s", "already a customer: %s"},
	"field.duplicate_lead":     {"已有线索:%s", "already a lead: %s"},
	"field.same_mnemonic":      {"助记码与 %s 相同,请确认不是同一家", "same mnemonic as %s: make sure it is not the same company"},
	"field.unknown_grade":      {"商品目录中没有牌号 %s", "no product of grade %s in the catalogue"},

	"refusal.not_your_lead":      {"只能跟进自己的线索", "a rep's leads are their own"},
	"refusal.lead_not_converted": {"先建立客户档案再标记成交", "make its customer file before marking it won"},
	"refusal.lead_converted":     {"该线索已经转换过", "the lead was converted already"},
	"refusal.lead_no_customer":   {"先把线索转为客户档案,再建询价单", "make the lead's customer file first, then the inquiry"},
	"refusal.lead_closed":        {"线索已成交或流失", "the lead is won or lost"},
}
