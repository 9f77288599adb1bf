package i18n_test

import (
	"testing"

	"orderdesk/tui/i18n"
)

// TestDoneLinesAlike: the status line after a step reads the same on the
// Invoices screen as on Shipping (提交复核:KP…, no space after the colon).
func TestDoneLinesAlike(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		c := i18n.New(lang)
		if a, b := c.T("invoices.done", "提交复核", "KP2026-000001"), c.T("shipping.done", "提交复核", "KP2026-000001"); a != b {
			t.Errorf("%s: invoices %q, shipping %q", lang, a, b)
		}
	}
}
