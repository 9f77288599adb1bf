package form

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
)

// fileForm is a header in two pages with every kind of field: checked
// text, a choice, a note, a secret, and a multiple choice last.
func fileForm() *Form {
	required := func(v string) string {
		if strings.TrimSpace(v) == "" {
			return "必填"
		}
		return ""
	}
	return New(testCommon(),
		Field{Key: "name", Label: "全称", Width: 20, Check: required, Note: "基本信息"},
		Field{Key: "code", Label: "助记码", Width: 10, Placeholder: "SYGT"},
		Field{Key: "terms", Label: "付款方式", Width: 10, Options: []Option{{"prepaid", "先款后货"}, {"monthly", "月结"}}},
		Field{Key: "notes", Label: "备注", Width: 20, Rows: 3, Break: true, Note: "其他"},
		Field{Key: "pass", Label: "口令", Width: 10, Secret: true},
		Field{Key: "roles", Label: "角色", Width: 12, Multi: true,
			Options: []Option{{"clerk", "内勤"}, {"supervisor", "主管"}, {"finance", "财务"}}},
	).EnterSaves()
}

// Every kind of field takes its keys in one burst, with no command run
// in between, and enter on the last field completes the form.
func TestEveryFieldKindTypedInOneBurst(t *testing.T) {
	f := fileForm()
	f.SetValue("roles", "clerk")
	typeAll(f, "{enter}", "沈阳钢铁", "{tab}", "{tab}", "{right}", "{enter}",
		"第一行", "{ctrl+j}", "第二行", "{tab}", "s3cret", "{tab}",
		"{space}", "{down}", "{down}", "x", "{enter}")
	for k, want := range map[string]string{"name": "沈阳钢铁", "code": "", "terms": "monthly",
		"notes": "第一行\n第二行", "pass": "s3cret", "roles": "finance"} {
		if got := f.Value(k); got != want {
			t.Errorf("%s: got %q, want %q", k, got, want)
		}
	}
	if !f.Completed() || f.Completed() {
		t.Fatal("want the form completed once")
	}
	if f.HasErrors() {
		t.Fatalf("errors left: %+v", f.Errors())
	}
}

// A failed check keeps the focus on its field and shows why; fixing
// the value clears it.
func TestCheckHoldsTheFocus(t *testing.T) {
	f := fileForm()
	typeAll(f, "{tab}", "{enter}", "{down}")
	if _, k := f.Focused(); k != "name" {
		t.Fatalf("focus on %q", k)
	}
	if e := f.Errors(); len(e) != 1 || e[0].Key != "name" || e[0].Text != "必填" {
		t.Fatalf("errors %+v", e)
	}
	if !strings.Contains(ansi.Strip(f.View()), "必填") {
		t.Fatalf("the problem is not shown at its field:\n%s", ansi.Strip(f.View()))
	}
	typeAll(f, "X")
	if f.HasErrors() {
		t.Fatalf("a fixed field still shows %+v", f.Errors())
	}
	typeAll(f, "{tab}")
	if _, k := f.Focused(); k != "code" {
		t.Fatalf("a fixed field held the focus: on %q", k)
	}

	g := fileForm()
	g.FocusField("pass")
	if g.CheckAll() {
		t.Fatal("an empty required field passed")
	}
	if _, k := g.Focused(); k != "name" {
		t.Fatalf("CheckAll left the focus on %q", k)
	}
}

// Only the page that holds the focus is shown, with its note; a secret
// shows as stars, an empty field its placeholder.
func TestPagesSecretsAndPlaceholders(t *testing.T) {
	f := fileForm()
	v := ansi.Strip(f.View())
	if !strings.Contains(v, "基本信息") || !strings.Contains(v, "SYGT") || strings.Contains(v, "口令") {
		t.Fatalf("first page:\n%s", v)
	}
	f.FocusField("roles")
	f.SetValue("pass", "abc")
	v = ansi.Strip(f.View())
	if strings.Contains(v, "全称") || !strings.Contains(v, "其他") || !strings.Contains(v, "***") || strings.Contains(v, "abc") {
		t.Fatalf("second page:\n%s", v)
	}
	for _, o := range []string{"内勤", "主管", "财务"} {
		if !strings.Contains(v, o) {
			t.Fatalf("role %s not offered:\n%s", o, v)
		}
	}
	f.SetOptions("terms", []Option{{"monthly", "月结"}})
	if f.Value("terms") != "monthly" {
		t.Fatalf("options replaced: %q", f.Value("terms"))
	}
}

// A form that does not EnterSaves goes round from its last field to the
// first, as the desk's forms always did.
func TestEnterGoesRoundUnlessItSaves(t *testing.T) {
	f := New(testCommon(), Field{Key: "a", Label: "A", Width: 5}, Field{Key: "b", Label: "B", Width: 5})
	typeAll(f, "{enter}", "{enter}", "x")
	if f.Completed() || f.Value("a") != "x" {
		t.Fatalf("completed %v, a %q", f.Completed(), f.Value("a"))
	}
}

// Handle leaves ctrl+s and esc to the screen (esc over typed input
// asks first), and says when enter completed a form that saves on it.
func TestHandleLeavesSaveAndCancelToTheScreen(t *testing.T) {
	c := testCommon()
	km := common.NewKeyMap(c.Cat)
	f := New(c, Field{Key: "a", Label: "A", Width: 5}).EnterSaves()
	for _, tc := range []struct {
		key  string
		want Action
	}{{"x", Typed}, {"{ctrl+s}", Save}, {"{esc}", AskLeave}, {"{esc}", Cancel}, {"{enter}", Save}} {
		if _, got := f.Handle(screenrig.Script(tc.key)[0], km); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.key, got, tc.want)
		}
	}
	if f.Value("a") != "x" {
		t.Fatalf("typed %q", f.Value("a"))
	}
}

// A choice is picked by typing too: the first option whose label or
// value begins with what was typed, else one that holds it; each
// character adds to what was typed while an option matches, and starts
// afresh when none does; a character no option holds picks nothing
// else. ← → and space still step through them.
func TestChoicePickedByTyping(t *testing.T) {
	owners := func() *Form {
		return New(testCommon(), Field{Key: "owner", Label: "负责人", Width: 12,
			Options: []Option{{"", "我自己"}, {"7", "郑销售"}, {"8", "刘销售"}, {"9", "Zhang Wei"}}})
	}
	for _, c := range []struct {
		typed []string
		want  string
	}{
		{[]string{"郑"}, "7"},
		{[]string{"刘", "销"}, "8"},                 // 刘销 still names 刘销售
		{[]string{"郑", "刘"}, "8"},                 // 郑刘 names none: 刘 afresh
		{[]string{"销售"}, "7"},                     // held, not begun with: the first
		{[]string{"z", "h"}, "9"},                 // by the label, any case
		{[]string{"郑", "q"}, "7"},                 // nothing named: stays
		{[]string{"刘", "{right}", "{right}"}, ""}, // stepped on from 刘销售, round to the first
	} {
		f := owners()
		typeAll(f, c.typed...)
		if got := f.Value("owner"); got != c.want {
			t.Errorf("typed %q: picked %q, want %q", c.typed, got, c.want)
		}
	}
}
