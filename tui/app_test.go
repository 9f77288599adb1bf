package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
)

func press(app *tui.App, keys ...tea.KeyPressMsg) {
	for _, k := range keys {
		tuitest.Press(app, k)
	}
}

func char(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

func screenText(app *tui.App) string { return ansi.Strip(app.Render()) }

func TestFrameShowsWhoAndWhere(t *testing.T) {
	f := tuitest.New(t)
	app := f.App(f.Supervisor, "zh")
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	got := screenText(app)
	for _, want := range []string{"1 客户", "4 价目表", "9 待审", "0 产品", "用户 赵主管", "角色 内勤、主管", "数据库 desk.db", "? 帮助", "q 退出"} {
		if !strings.Contains(got, want) {
			t.Errorf("frame lacks %q:\n%s", want, got)
		}
	}
	if n := len(strings.Split(got, "\n")); n != 40 {
		t.Errorf("frame is %d lines, want the window's 40", n)
	}
}

func TestScreensSwitchByDigitAndTab(t *testing.T) {
	f := tuitest.New(t)
	app := f.App(f.Clerk, "en")
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	tests := []struct {
		key  tea.KeyPressMsg
		want string
	}{
		{char('2'), "Open inquiries"},
		{tuitest.Key("tab"), "Quotes  drafts"},
		{tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, "Open inquiries"},
		{char('8'), "Month 2026-11"}, // the Reconciliation screen on the clock's month
	}
	for _, tc := range tests {
		press(app, tc.key)
		if got := screenText(app); !strings.Contains(got, tc.want) {
			t.Fatalf("after %s want %q on screen:\n%s", tc.key, tc.want, got)
		}
	}
}

func TestHelpOpensAndCloses(t *testing.T) {
	f := tuitest.New(t)
	app := f.App(f.Clerk, "en")
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	press(app, char('2'), char('?'))
	got := screenText(app)
	for _, want := range []string{"Keys · Inquiries", "go to screen", "filter", "quit"} {
		if !strings.Contains(got, want) {
			t.Fatalf("help lacks %q:\n%s", want, got)
		}
	}
	press(app, tuitest.Key("esc"))
	if strings.Contains(screenText(app), "Keys · Inquiries") {
		t.Fatal("esc did not close the help")
	}
}

func TestQuitKeys(t *testing.T) {
	f := tuitest.New(t)
	app := f.App(f.Clerk, "en")
	for _, k := range []tea.KeyPressMsg{char('q'), {Code: 'c', Mod: tea.ModCtrl}} {
		if !tuitest.Quits(app, k) {
			t.Fatalf("%s did not quit", k)
		}
	}
}

// TestFrameGolden keeps the frame's layout: tabs, body, footer and status
// line in Chinese at 120×30. Refresh with go test ./tui -update.
func TestFrameGolden(t *testing.T) {
	f := tuitest.New(t)
	app := f.App(f.Supervisor, "zh")
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	press(app, char('5'))
	golden.RequireEqual(t, []byte(screenText(app)))
}

// TestScreenDigitsAreTheSameForEveryRole: a digit opens the same screen
// whoever presses it; a screen a role does not see leaves its digit
// unused (finance's 6 is Shipping as a clerk's is, and finance's 3 does
// nothing), and Users, an administrator's, has none: tab reaches it.
func TestScreenDigitsAreTheSameForEveryRole(t *testing.T) {
	f := tuitest.New(t)
	admin := f.Supervisor
	admin.Roles = append(admin.Roles, "admin")
	for _, tc := range []struct {
		name string
		app  *tui.App
		key  rune
		want string // on the tab bar, marked as the screen shown
	}{
		{"clerk 6", f.App(f.Clerk, "en"), '6', "6 Shipping"},
		{"finance 6", f.App(f.Finance, "en"), '6', "6 Shipping"},
		{"clerk 8", f.App(f.Clerk, "en"), '8', "8 Reconciliation"},
		{"finance 8", f.App(f.Finance, "en"), '8', "8 Reconciliation"},
		{"admin 0", f.App(admin, "en"), '0', "0 Products"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.app.Update(tea.WindowSizeMsg{Width: 200, Height: 30})
			press(tc.app, char(tc.key))
			if bar := strings.Split(screenText(tc.app), "\n")[0]; !strings.Contains(bar, tc.want) {
				t.Fatalf("%c: tab bar lacks %q: %q", tc.key, tc.want, bar)
			}
		})
	}
	fin := f.App(f.Finance, "en")
	fin.Update(tea.WindowSizeMsg{Width: 200, Height: 30})
	before := screenText(fin)
	press(fin, char('3')) // Pricing: not finance's
	if screenText(fin) != before {
		t.Fatalf("3 moved finance to another screen:\n%s", screenText(fin))
	}
	app := f.App(admin, "en")
	app.Update(tea.WindowSizeMsg{Width: 200, Height: 30})
	if bar := strings.Split(screenText(app), "\n")[0]; strings.Contains(bar, "0 Users") || !strings.Contains(bar, "Users") {
		t.Fatalf("Users wants no digit but a tab: %q", bar)
	}
	press(app, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	if got := screenText(app); !strings.Contains(got, "login        name") {
		t.Fatalf("shift+tab from the first screen did not reach Users:\n%s", got)
	}
}

func TestAUserWithNoRolesGetsAMessageNotACrash(t *testing.T) {
	f := tuitest.New(t)
	u := f.Clerk
	u.Roles = nil
	app := f.App(u, "en")
	app.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	press(app, char('1'), char('?'), tuitest.Key("esc"), tuitest.Key("tab"))
	if got := screenText(app); !strings.Contains(got, "no screen is open to you") {
		t.Fatalf("want the no-roles message:\n%s", got)
	}
}

// Eleven English titles do not fit 120 columns: the tabs not shown
// shorten so every digit stays on screen, and the one shown keeps its
// whole title.
func TestTabBarFitsTheWindow(t *testing.T) {
	f := tuitest.New(t)
	app := f.App(f.Supervisor, "en")
	app.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(app, char('8'))
	bar := strings.Split(screenText(app), "\n")[0]
	for _, want := range []string{"1 ", "4 ", "8 Reconciliation", "9 ", "0 "} {
		if !strings.Contains(bar, want) {
			t.Errorf("tab bar lacks %q: %q", want, bar)
		}
	}
	if w := ansi.StringWidth(strings.TrimRight(bar, " ")); w > 100 {
		t.Errorf("tab bar is %d cells in a window of 100", w)
	}
}

// N opens a new inquiry from any screen, at the customer lookup; ? lists
// it; a user who takes no inquiries is neither offered it nor moved.
func TestGlobalNewInquiryKey(t *testing.T) {
	f, app := clerkOnReview(t)
	press(app, char('?'))
	if got := screenText(app); !strings.Contains(got, "N") || !strings.Contains(got, "新询价(任何页面)") {
		t.Fatalf("help does not list N:\n%s", got)
	}
	press(app, char('?'), char('N'))
	got := screenText(app)
	if !strings.Contains(got, "新询价单") || !strings.Contains(got, "客户:") {
		t.Fatalf("N did not open a new inquiry:\n%s", got)
	}
	// The lookup has the keys now: q types, it does not quit.
	press(app, char('q'))
	if !strings.Contains(screenText(app), "客户: q") {
		t.Fatalf("q did not reach the lookup:\n%s", screenText(app))
	}

	fin := f.App(f.Finance, "zh")
	fin.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	press(fin, char('?'))
	if strings.Contains(screenText(fin), "新询价") {
		t.Fatalf("N offered to finance:\n%s", screenText(fin))
	}
	press(fin, char('?'), char('N'))
	if strings.Contains(screenText(fin), "新询价单") {
		t.Fatalf("finance opened an inquiry:\n%s", screenText(fin))
	}
}

// TestTabBarAt80Columns: ten English titles in 80 columns drop the
// tabs' padding and take short titles, so Pricing, Price list and
// Products stay apart instead of all reading "Pr…"; Chinese keeps every
// whole title.
func TestTabBarAt80Columns(t *testing.T) {
	f := tuitest.New(t)
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"en", []string{"1 Customers", "2 Inq", "3 Quote", "4 Price", "5 Order", "9 Review", "0 Prod"}},
		{"zh", []string{"1 客户", "3 报价", "4 价目表", "5 订单", "9 待审", "0 产品"}},
	} {
		app := f.App(f.Supervisor, tc.lang)
		app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		bar := strings.Split(screenText(app), "\n")[0]
		for _, want := range tc.want {
			if !strings.Contains(bar, want) {
				t.Errorf("%s: tab bar lacks %q: %q", tc.lang, want, bar)
			}
		}
		if strings.Contains(bar, "…") {
			t.Errorf("%s: tab bar cuts a title: %q", tc.lang, bar)
		}
		if w := ansi.StringWidth(strings.TrimRight(bar, " ")); w > 80 {
			t.Errorf("%s: tab bar is %d cells in a window of 80", tc.lang, w)
		}
	}
}

// TestFooterFitsOrCollapses: at 80 columns every screen's footer keeps
// its bindings whole and ends with help and quit, never "…".
func TestFooterFitsOrCollapses(t *testing.T) {
	f := tuitest.New(t)
	u := f.Supervisor
	u.Roles = append(u.Roles, "admin", "finance")
	for _, lang := range []string{"en", "zh"} {
		app := f.App(u, lang)
		tuitest.Press(app, tea.WindowSizeMsg{Width: 80, Height: 24})
		for i := 0; i < 12; i++ {
			lines := strings.Split(screenText(app), "\n")
			foot := strings.TrimRight(lines[len(lines)-2], " ")
			if strings.Contains(foot, "…") || !(strings.HasSuffix(foot, "? help  q quit") || strings.HasSuffix(foot, "? 帮助  q 退出")) {
				t.Errorf("%s, tab %d: footer %q", lang, i, foot)
			}
			if w := ansi.StringWidth(foot); w > 80 {
				t.Errorf("%s, tab %d: footer is %d cells", lang, i, w)
			}
			press(app, tuitest.Key("tab"))
		}
	}
}
