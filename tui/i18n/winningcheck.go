package i18n

// winningCheck are the words added when the leads, visits, materials
// and meetings were checked against the whole of their issue.
var winningCheck = map[string]Text{
	"field.date_in_past.visit_at": {"今天这个时间已经过了", "that time of today has gone"},
	"visits.to_review":            {"待分析", "to review"},
}
