package tui_test

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
)

// wholeValuesDesk is a demo desk with a long customer name, long specs
// and orders of ten million yuan, at 80×24 for the supervisor.
func wholeValuesDesk(t *testing.T, lang string) *tui.App {
	t.Helper()
	f := tuitest.New(t)
	o := smallDemo()
	o.Inquiries = 20 // enough quotes for revisions among them
	f.Demo(o)
	seedLongSpecs(t, f)
	app := f.App(f.Supervisor, lang)
	tuitest.Press(app, tea.WindowSizeMsg{Width: 80, Height: 24})
	return app
}

// rowsMatching are the frame's lines that start with a document number.
func rowsMatching(app *tui.App, start *regexp.Regexp) []string {
	var out []string
	for _, l := range strings.Split(screenText(app), "\n") {
		if start.MatchString(l) {
			out = append(out, l)
		}
	}
	return out
}

// At 80 columns every order's number, status and total stand whole: the
// customer's name gives way to them.
func TestOrdersKeepMoneyWholeAt80(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		app := wholeValuesDesk(t, lang)
		press(app, char('5'))
		rows := rowsMatching(app, regexp.MustCompile(`^[A-Z]{2,6}[0-9.-]`))
		if len(rows) == 0 {
			t.Fatalf("%s: no orders:\n%s", lang, screenText(app))
		}
		whole := regexp.MustCompile(`¥[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}\b`)
		for _, r := range rows {
			if !whole.MatchString(r) || strings.Contains(strings.Fields(r)[0], "…") {
				t.Errorf("%s: an order's total or number is cut: %q", lang, r)
			}
		}
	}
}

// At 80 columns a quote's revision is told from the quote: the whole
// reference shows, BJ2026-000002/2 beside BJ2026-000002.
func TestQuoteRevisionsWholeAt80(t *testing.T) {
	app := wholeValuesDesk(t, "zh")
	press(app, char('3'), tuitest.Key("left"))
	rows := rowsMatching(app, regexp.MustCompile(`^BJ`))
	revision := false
	for _, r := range rows {
		ref := strings.Fields(r)[0]
		if strings.Contains(ref, "…") {
			t.Errorf("a quote's reference is cut: %q", r)
		}
		revision = revision || strings.Contains(ref, "/")
	}
	if !revision {
		t.Fatalf("no revision among the quotes to tell apart:\n%s", screenText(app))
	}
}

// At 80 columns the collection plan shows each 20-digit invoice number
// whole and its money whole; the customer's name gives way.
func TestCollectionInvoiceNumbersWholeAt80(t *testing.T) {
	app := wholeValuesDesk(t, "zh")
	press(app, char('0'), tuitest.Key("tab"), tuitest.Key("tab"), char('t'), char('t'), char('t'))
	rows := rowsMatching(app, regexp.MustCompile(`^[0-9]{6}`))
	if len(rows) == 0 {
		t.Fatalf("no invoices in the collection plan:\n%s", screenText(app))
	}
	for _, r := range rows {
		f := strings.Fields(r)
		if len(f[0]) != 20 || strings.Contains(r[len(r)-14:], "…") {
			t.Errorf("an invoice number or its money is cut: %q", r)
		}
	}
}
