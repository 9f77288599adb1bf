package common_test

import (
	"testing"
	"time"

	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
)

// An age is never negative: a document stamped a few minutes after the
// reader's clock (a demo run ahead of it) showed "-5m".
func TestAgeIsNeverNegative(t *testing.T) {
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	cat := i18n.New("en")
	tests := []struct {
		at   time.Time
		want string
	}{
		{now.Add(5 * time.Minute), cat.T("age.minutes", 0)},
		{now.Add(72 * time.Hour), cat.T("age.minutes", 0)},
		{now, cat.T("age.minutes", 0)},
		{now.Add(-5 * time.Minute), cat.T("age.minutes", 5)},
		{now.Add(-3 * time.Hour), cat.T("age.hours", 3)},
		{now.Add(-72 * time.Hour), cat.T("age.days", 3)},
	}
	for _, tc := range tests {
		if got := common.Age(cat, now, tc.at); got != tc.want {
			t.Errorf("age of %s at %s: %q, want %q", tc.at, now, got, tc.want)
		}
	}
}
