package common_test

import (
	"testing"

	"orderdesk/tui/common"
)

// A document's heading starts with a capital in English, as on Pricing.
func TestCapital(t *testing.T) {
	for in, want := range map[string]string{"quote": "Quote", "sales order": "Sales order", "报价单": "报价单", "": ""} {
		if got := common.Capital(in); got != want {
			t.Errorf("Capital(%q) = %q, want %q", in, got, want)
		}
	}
}
