package i18n

// inboxTasks are the words of the collections tasks in the Review inbox.
var inboxTasks = map[string]Text{
	"review.tasks.heading":   {"回款任务 (%d)", "Collection tasks (%d)"},
	"review.tasks.col.inv":   {"发票号", "Invoice"},
	"review.tasks.col.cust":  {"客户", "Customer"},
	"review.tasks.col.open":  {"未回款", "Open"},
	"review.tasks.col.late":  {"逾期天数", "Days late"},
	"review.tasks.col.stage": {"阶段", "Stage"},
	"review.tasks.col.todo":  {"要做的事", "To do"},
	"review.tasks.remind":    {"提醒销售员催款", "remind the rep"},
	"review.tasks.report":    {"填写未回款报告单", "file the unpaid report"},
	"review.tasks.letter":    {"寄出逾期回款函", "send the overdue letter"},
	"review.tasks.hint":      {"回车在对账页打开该发票", "enter opens the invoice in Reconciliation"},
}
