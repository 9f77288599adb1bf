package i18n

// meetingStepsAndFigures are the words of the minutes' own steps on the
// Meetings screen (submitted, sent back, voided), of an action item due
// in the past, and of the Statistics screen's leads and visits.
var meetingStepsAndFigures = map[string]Text{
	"meetings.key.submit":    {"提交确认", "submit for sign-off"},
	"meetings.send_back_why": {"退回原因", "Why send back"},
	"meetings.void_why":      {"作废原因", "Why void"},
	"meetings.submitted":     {"纪要已提交,等待他人确认", "minutes submitted for another's sign-off"},
	"meetings.sent_back":     {"纪要已退回执行", "minutes sent back to be worked"},
	"meetings.voided":        {"纪要已作废", "minutes voided"},

	"field.date_in_past.item_due": {"完成期限不能早于今天", "an action item is due today or later"},
}
