package customers

import (
	"time"

	"orderdesk/workflow"
)

// parseDate reads a day as clerks type it, the desk's one reading
// (workflow.ParseDayField): 2026-12-01, 2026/12/1, 2026.12.1,
// 2026年12月1日, 20261201, with full-width digits too, and without the
// year the such day nearest to today. It returns the day as
// YYYY-MM-DD; an empty field is no day.
func parseDate(s string, today time.Time) (string, bool) {
	d, fe := workflow.ParseDayField("date", s, today, workflow.AnyDay)
	return d, fe == nil && d != ""
}
