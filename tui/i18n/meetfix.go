package i18n

// meetingSteps are the words of the minutes' own steps on the
// Meetings screen (submitted, sent back, voided) and of an action item
// due in the past.
var meetingSteps = map[string]Text{
	"meetings.key.submit":    {"提交确认", "submit for sign-off"},
	"meetings.send_back_why": {"退回原因", "Why send back"},
	"meetings.void_why":      {"作废原因", "Why void"},
	"meetings.submitted":     {"纪要已提交,等待他人确认", "minutes submitted for another's sign-off"},
	"meetings.sent_back":     {"纪要已退回执行", "minutes sent back to be worked"},
	"meetings.voided":        {"纪要已作废", "minutes voided"},

	"field.date_in_past.item_due": {"完成期限不能早于今天", "an action item is due today or later"},
}

// winningFigures are the Statistics screen's leads and visits.
var winningFigures = map[string]Text{
	"key.stat.leads":    {"线索统计", "leads"},
	"key.stat.visits":   {"拜访统计", "visits"},
	"stat.leads.title":  {"线索:按来源和阶段", "Leads by source and stage"},
	"stat.leads.none":   {"本期没有录入线索", "no lead entered in this period"},
	"stat.leads.note":   {"本期录入的线索及其现在所处阶段;转化率=成交÷全部,赢单率=成交÷(成交+流失);\n成交天数=从录入到成交的平均整天数", "Leads entered in the period, as each stands now; Conv. won÷all;\nWin rate won÷(won+lost); Days: mean whole days from entered to won"},
	"stat.col.win_days": {"成交天数", "Days"},
	"stat.visits.title": {"拜访:按业务员", "Visits per rep"},
	"stat.visits.none":  {"本期没有拜访", "no visit in this period"},
	"stat.visits.note":  {"本期日期内的拜访(不含取消);达成率=达成÷已分析;待分析=日期已过未做访后分析", "Visits on the period's days (cancelled apart); Met of: met÷reviewed;\nDue: past their day and not yet reviewed"},
}
