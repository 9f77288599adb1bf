package i18n_test

import (
	"testing"

	"orderdesk/tui/i18n"
)

// One of a thing reads as one in English ("1 day old", never "1 days
// old"); Chinese has one form.
func TestCountSaysOneOfAThing(t *testing.T) {
	en, zh := i18n.New("en"), i18n.New("zh")
	tests := []struct {
		cat  i18n.Catalog
		n    int
		want string
	}{
		{en, 1, "1 day old"},
		{en, 0, "0 days old"},
		{en, 2, "2 days old"},
		{zh, 1, "已 1 天"},
		{zh, 2, "已 2 天"},
	}
	for _, tc := range tests {
		if got := tc.cat.Count("complaints.age", tc.n); got != tc.want {
			t.Errorf("%v %d: %q, want %q", tc.cat.Lang, tc.n, got, tc.want)
		}
	}
	if got := en.T("meetings.totals", 1, 3, 0); got != "meetings 1 · action items open 3 · late 0" {
		t.Errorf("meetings' totals: %q", got)
	}
	if en.T("state.return.submitted") != en.T("state.invoice.submitted") || en.T("state.credit.submitted") != en.T("state.invoice.submitted") {
		t.Errorf("one wording for a document waiting for the check: return %q, invoice %q, credit %q",
			en.T("state.return.submitted"), en.T("state.invoice.submitted"), en.T("state.credit.submitted"))
	}
}
