package statistics

import (
	tea "charm.land/bubbletea/v2"
	"orderdesk/tui/tuitest/screenrig"

	"orderdesk/tui/common"
	"regexp"
	"slices"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Period kind, period, measure, unit and dimension each change what the
// header says and what the table holds.
func TestSwitchPeriodMeasureAndDimension(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "zh", 120, 40)
	d.MustShow("月 2026-11 · 按客户 · 订货 · 金额", "合计")
	for _, c := range []struct{ keys, shows string }{
		{"y", "年 2026 · 按客户"},
		{"[", "年 2025 · 按客户"},
		{"Q", "季 2025-Q4"},
		{"w", "周 2026-W01"}, // the week of 31 December 2025 is 2026's first
		{"d", "日 2026-01-04"},
		{"m", "月 2026-01"},
		{"]", "月 2026-02"},
		{"2", "· 发货 · 金额"},
		{"t", "· 发货 · 吨"},
		{"4", "· 回款 · 金额"}, // money received has no tonnes
		{"t", "· 回款 · 金额"}, // so t does nothing there
		{"1", "· 订货 · 吨"},
		{"v", "· 按业务员 ·"},
		{"V", "· 按客户 ·"},
	} {
		pressAnswered(d, s, strings.Split(c.keys, "")...)
		d.MustShow(c.shows)
	}
	if s.view.Query.Dim != store.StatCustomer || s.period.Label() != "2026-02" {
		t.Errorf("the view is %s of %s", s.view.Query.Dim, s.period.Label())
	}
}

// s cycles the sorted column, S reverses it: the rows follow the
// engine's order by that column.
func TestSortByColumn(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "en", 120, 40)
	d.MustShow("sorted by Now ↓")
	assertSorted(t, s, workflow.StatColumn{Measure: store.StatOrdered}, true)
	pressAnswered(d, s, "s")
	d.MustShow("sorted by Before ↓")
	pressAnswered(d, s, "s")
	d.MustShow("sorted by change on before ↓")
	pressAnswered(d, s, "s")
	d.MustShow("sorted by Last year ↓")
	assertSorted(t, s, workflow.StatColumn{Measure: store.StatOrdered, Period: workflow.StatLastYear}, true)
	pressAnswered(d, s, "S")
	d.MustShow("sorted by Last year ↑")
	assertSorted(t, s, workflow.StatColumn{Measure: store.StatOrdered, Period: workflow.StatLastYear}, false)
	pressAnswered(d, s, "s", "s")
	d.MustShow("sorted by name ↓")
	pressAnswered(d, s, "S")
	d.MustShow("sorted by name ↑")
	assertSorted(t, s, workflow.StatColumn{Label: true}, false)
}

func assertSorted(t *testing.T, s *Screen, c workflow.StatColumn, desc bool) {
	t.Helper()
	var shown, want []workflow.StatRow
	for _, l := range s.list.Rows() {
		shown = append(shown, *l.row)
	}
	want = slices.Clone(shown)
	workflow.SortStatRows(want, c, desc)
	if len(shown) < 3 {
		t.Fatalf("only %d rows", len(shown))
	}
	for i := range shown {
		if shown[i].Key != want[i].Key {
			t.Fatalf("row %d is %s, want %s", i, shown[i].Label, want[i].Label)
		}
	}
}

// enter drills a rep → their customers → the documents of one, whose
// figures add up to the row's; esc goes back up with the cursor where it
// was.
func TestDrillRepCustomerTraceAndBack(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "zh", 120, 40)
	pressAnswered(d, s, "y", "v") // the year by rep
	d.MustShow("年 2026 · 按业务员")
	pressAnswered(d, s, "j")
	rep, _ := s.list.Current()
	pressAnswered(d, s, "enter")
	d.MustShow(rep.row.Label+"  排序", "客户")
	if s.top().dim != store.StatCustomer {
		t.Fatalf("under a rep: %s", s.top().dim)
	}
	pressAnswered(d, s, "j")
	cust, _ := s.list.Current()
	pressAnswered(d, s, "enter")
	d.MustShow(rep.row.Label+" › "+cust.row.Label, "单号")
	var sum store.Money
	for _, l := range s.list.Rows() {
		sum += l.doc.Amount
	}
	if want := cust.row.Figures[workflow.StatNow].Ordered.Amount; sum != want || len(s.list.Rows()) == 0 {
		t.Errorf("%d documents add up to %s, the figure is %s", len(s.list.Rows()), sum, want)
	}
	pressAnswered(d, s, "esc")
	d.MustShow(rep.row.Label + "  排序")
	if got, _ := s.list.Current(); got.row.Key != cust.row.Key {
		t.Errorf("back on %q, left %q", got.row.Label, cust.row.Label)
	}
	pressAnswered(d, s, "esc")
	d.MustHide(rep.row.Label + "  排序")
	if got, _ := s.list.Current(); got.row.Key != rep.row.Key {
		t.Errorf("back on %q, left %q", got.row.Label, rep.row.Label)
	}
}

// esc shows the level above as it was shown, without reading it again,
// unless what it would show has changed below (another period): then it
// is read.
func TestBackShowsTheLevelAboveWithoutARead(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "zh", 120, 40)
	pressAnswered(d, s, "y", "v", "j") // the year by rep, the second rep
	before := s.View()
	pressAnswered(d, s, "enter")
	s.Update(screenrig.Key("esc")) // what it starts (the settle timer) is not delivered
	if s.answered != s.req || s.View() != before {
		t.Errorf("esc did not show the level above as it was:\n%s", s.View())
	}
	pressAnswered(d, s, "enter", "[", "esc") // the year before, under the rep, then above it
	if got, want := s.view.Periods[workflow.StatNow], s.period; got != want || s.view.Query.Dim != store.StatRep {
		t.Errorf("esc showed %s by %s, not %s by rep", got.Label(), s.view.Query.Dim, want.Label())
	}
}

// enter on a traced order opens it on the Orders screen.
func TestTracedOrderOpensInItsScreen(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "en", 120, 40)
	var opened []common.OpenMsg
	d.Catch = func(m tea.Msg) bool {
		if o, ok := m.(common.OpenMsg); ok {
			opened = append(opened, o)
			return true
		}
		return false
	}
	pressAnswered(d, s, "enter")
	d.MustShow("Number")
	pressAnswered(d, s, "enter")
	d.WaitFor(func() bool { return len(opened) > 0 }, func() string { return "nothing opened" })
	if opened[0].Screen != "screen.orders" || opened[0].DocID == 0 {
		t.Errorf("opened %v", opened[0])
	}
}

// A rep sees their own customers only: the supervisor's rows under that
// rep, no more.
func TestRepSeesOnlyTheirCustomers(t *testing.T) {
	eng := statDesk(t)
	liu := userOf(t, eng, "liu")
	d, s := open(t, eng, "zhao", "zh", 120, 40)
	pressAnswered(d, s, "y", "v")
	d.MustShow("按业务员")
	for i, l := range s.list.Rows() {
		if l.row.Label == liu.Name {
			s.list.Cursor.Pos = i
		}
	}
	pressAnswered(d, s, "enter")
	d.MustShow(liu.Name + "  排序")
	want := labels(s)
	r, rs := open(t, eng, "liu", "zh", 120, 40)
	pressAnswered(r, rs, "y")
	r.MustShow("年 2026")
	if got := labels(rs); !slices.Equal(got, want) || len(got) == 0 {
		t.Errorf("the rep sees %v, their customers are %v", got, want)
	}
}

func labels(s *Screen) []string {
	var out []string
	for _, l := range s.list.Rows() {
		out = append(out, l.row.Label)
	}
	slices.Sort(out)
	return out
}

// money is any amount the screen writes: 1,234.56.
var money = regexp.MustCompile(`\d\.\d\d\b`)

// The warehouse sees tonnes, and "withheld" where money would be.
func TestWarehouseSeesMoneyWithheld(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "wu", "en", 120, 40)
	d.MustShow("withheld", "money is withheld from you")
	if m := money.FindString(d.View()); m != "" {
		t.Errorf("money %q shows:\n%s", m, d.View())
	}
	pressAnswered(d, s, "t")
	d.MustShow("· tonnes")
	d.MustHide("withheld")
}

// A period with nothing in it shows zeros and says so, never an error.
func TestEmptyPeriodSaysSo(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "en", 120, 40)
	pressAnswered(d, s, "y", "[", "[", "[", "[", "[")
	d.MustShow("Year 2021", "no ordered in this period", "Total")
	if len(s.list.Rows()) != 0 || len(d.Status) != 0 {
		t.Errorf("rows %d, status %v", len(s.list.Rows()), d.Status)
	}
}

// r asks for a range; a day that cannot be read is said at its field.
func TestRangeWithErrorsAtTheField(t *testing.T) {
	eng := statDesk(t)
	d, _ := open(t, eng, "zhao", "en", 120, 40)
	d.Press("r")
	d.MustShow("Range of days")
	d.Type("2026-11-10\t2026-11-01\r")
	d.MustShow("Range of days") // the end before the start: the form stays
	if !strings.Contains(d.View(), "To") {
		t.Fatalf("no field:\n%s", d.View())
	}
	d.Type(strings.Repeat("\b", 10) + "2026-11-15\r")
	d.MustShow("Range 2026-11-10–2026-11-15")
}

// / keeps the rows whose label holds the text.
func TestFilterByLabel(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "zh", 120, 40)
	pressAnswered(d, s, "y")
	d.MustShow("年 2026")
	pressAnswered(d, s, "/")
	d.Type("沈阳")
	pressAnswered(d, s, "enter")
	for _, l := range s.list.Rows() {
		if !strings.Contains(l.row.Label, "沈阳") {
			t.Errorf("row %q kept", l.row.Label)
		}
	}
	kept := len(s.list.Rows())
	if kept == 0 {
		t.Error("no row kept")
	}
	// esc drops the filter kept (as a list's esc does) and every row
	// shows again; the level stays.
	pressAnswered(d, s, "esc")
	if all := len(s.list.Rows()); all <= kept || s.list.Query() != "" || len(s.levels) != 1 {
		t.Errorf("after esc: %d rows (%d kept), filter %q, %d levels", all, kept, s.list.Query(), len(s.levels))
	}
}
