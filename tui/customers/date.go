package customers

import (
	"strconv"
	"strings"
	"time"

	"orderdesk/workflow"
)

// parseDate reads a day as clerks type it: 2026-12-01, 2026/12/1,
// 2026.12.1, 2026年12月1日, 20261201, with full-width digits too. It
// returns the day as YYYY-MM-DD.
func parseDate(s string) (string, bool) {
	s = workflow.NormalizeDigits(s)
	if len(s) == 8 && strings.Trim(s, "0123456789") == "" {
		s = s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	s = strings.NewReplacer("/", "-", ".", "-", "年", "-", "月", "-", "日", "").Replace(s)
	parts := strings.Split(s, "-")
	if len(parts) != 3 {
		return "", false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return "", false
		}
		n[i] = v
	}
	if n[0] < 1900 || n[0] > 9999 {
		return "", false
	}
	d := time.Date(n[0], time.Month(n[1]), n[2], 0, 0, 0, 0, time.UTC)
	if d.Year() != n[0] || int(d.Month()) != n[1] || d.Day() != n[2] {
		return "", false // 2026-02-30 would roll over into March
	}
	return d.Format("2006-01-02"), true
}
