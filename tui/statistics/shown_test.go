package statistics

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// totalLine is the line of view that begins with the total's label.
func totalLine(view, label string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), label+" ") {
			return l
		}
	}
	return ""
}

// byDim presses v until the view is by dim.
func byDim(t *testing.T, s *Screen, dim store.StatDim, press func(...string)) {
	t.Helper()
	for n := 0; s.view.Query.Dim != dim; n++ {
		if n == len(store.StatDims) {
			t.Fatalf("v never reached %s", dim)
		}
		press("v")
	}
}

// Split by goods, ordered shows its money to a supervisor; money
// received and owed, a customer's alone, say they are not split by goods,
// in either unit chosen (they showed as "withheld" and as zeros).
func TestGoodsShowMoneyButNotWhatCustomersOwe(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "en", 120, 40)
	byDim(t, s, store.StatGrade, func(k ...string) { pressAnswered(d, s, k...) })
	d.MustShow("· by grade · ordered · money")
	if total, want := totalLine(d.View(), "Total"), s.view.Total.Figures[workflow.StatNow].Ordered.Amount.String(); !strings.Contains(total, want) {
		t.Errorf("the total line %q, want %s in it", total, want)
	}
	d.MustNotShow("withheld", "not by goods")
	pressAnswered(d, s, "4")
	d.MustShow("· received · money", "not by goods", "money received and owed are a customer's")
	pressAnswered(d, s, "t", "5")
	d.MustShow("· owed · money", "not by goods")
	if strings.Contains(d.View(), " 0.00 ") {
		t.Errorf("owed by goods shows zeros:\n%s", d.View())
	}
}

// With a filter, the total row is what the rows it keeps add up to.
func TestFilteredTotalIsTheRowsKept(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "zh", 120, 40)
	pressAnswered(d, s, "y", "/")
	d.Type("沈阳")
	pressAnswered(d, s, "enter")
	var sum store.Money
	for _, l := range s.list.Rows() {
		sum += l.row.Figures[workflow.StatNow].Ordered.Amount
	}
	all := s.view.Total.Figures[workflow.StatNow].Ordered.Amount
	if len(s.list.Rows()) == 0 || sum == all {
		t.Fatalf("the filter kept %d rows of %s, the whole %s", len(s.list.Rows()), sum, all)
	}
	if total := totalLine(d.View(), "合计"); !strings.Contains(total, sum.String()) {
		t.Errorf("the total line %q, want %s in it", total, sum)
	}
	d.MustNotShow(all.String())
}

// A period in which the measure shown is nothing says so, even where
// rows stand for another measure (what customers still owe in a year to
// come).
func TestPeriodWithNothingOfTheMeasureSaysSo(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "en", 120, 40)
	pressAnswered(d, s, "y", "]", "]", "v")
	d.MustShow("Year 2028 · by rep · ordered", "no ordered in this period: every figure is zero")
	pressAnswered(d, s, "5")
	d.MustNotShow("every figure is zero")
}

// A product asked for from elsewhere (the dashboard's enter) shows its
// customers in the period and measure asked, whatever was shown before;
// esc goes up to the products of that period.
func TestAskedProductShowsItsCustomers(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "en", 120, 40)
	byDim(t, s, store.StatItem, func(k ...string) { pressAnswered(d, s, k...) })
	product := s.view.Rows[0]
	pressAnswered(d, s, "y", "[", "3", "t")
	month := workflow.PeriodOf(workflow.PeriodMonth, today)
	d.Run(func() tea.Msg {
		return common.StatisticsMsg{Measure: store.StatOrdered, Period: month, Item: product.Key, ItemLabel: product.Label}
	})
	d.WaitFor(func() bool { return s.answered == s.req && !s.quick }, func() string { return "no answer" })
	d.MustShow("Month "+month.Label()+" · by product · ordered · money", product.Label+"  sorted by", "Customer ")
	pressAnswered(d, s, "esc")
	d.MustShow("Month "+month.Label()+" · by product · ordered · money", "Product ")
	d.MustNotShow(product.Label + "  sorted by")
}

// By payment terms, each is named in the user's words.
func TestTermsAreNamedInTheUsersWords(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "zh", 80, 24)
	byDim(t, s, store.StatTerms, func(k ...string) { pressAnswered(d, s, k...) })
	d.MustShow("先款后货", "月结")
	d.MustNotShow("prepaid", "monthly")
}
