package customers

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

func TestListAlignsChineseAndLatinNames(t *testing.T) {
	t.Parallel()
	r := newSeededList(t)
	r.MustShow("第 1–3 条,共 3 条", "沈阳钢铁有限公司", "Dalian Harbour Machinery Co.", "先款后货", "刘强")
	// Every row's phone starts in the same terminal column, whatever the
	// width of the name before it.
	col := -1
	for _, line := range strings.Split(r.View(), "\n") {
		for _, phone := range []string{"024-23456789", "0412-5551234", "0411-8888"} {
			if i := strings.Index(line, phone); i >= 0 {
				w := ansi.StringWidth(line[:i])
				if col >= 0 && w != col {
					t.Fatalf("phone at column %d, others at %d:\n%s", w, col, r.View())
				}
				col = w
			}
		}
	}
	if col < 0 {
		t.Fatal("no phones on screen")
	}
}

func TestFilterByMnemonicKeepsKeysFromTheFrame(t *testing.T) {
	t.Parallel()
	r := newSeededList(t)
	r.Press("/")
	if !r.s.Capturing() {
		t.Fatal("the filter has focus but the screen does not capture keys")
	}
	r.Type("sygt")
	r.MustShow("沈阳钢铁有限公司", "第 1–1 条")
	r.MustNotShow("鞍山宏达", "Dalian")
	r.Type("q") // a letter, not quit
	r.MustShow("没有匹配“sygtq”的记录")
	r.Press("backspace", "enter")
	if r.s.Capturing() {
		t.Fatal("enter should hand the keys back to the list")
	}
	r.MustShow("筛选: sygt", "沈阳钢铁有限公司")
	r.Press("esc")
	r.MustShow("鞍山宏达", "Dalian", "第 1–3 条")
}

func TestFilterTakesChineseAndPastes(t *testing.T) {
	t.Parallel()
	r := newSeededList(t)
	r.Press("/")
	r.Type("鞍山")
	r.MustShow("鞍山宏达钢材贸易有限公司")
	r.MustNotShow("沈阳钢铁有限公司")
	r.Press("esc", "/")
	r.Send(tea.PasteMsg{Content: "0411"})
	r.MustShow("Dalian Harbour")
	r.MustNotShow("沈阳钢铁有限公司", "鞍山宏达")
}

// Fast typing: the answer to "a" arrives after the answer to "an". The
// list must show what matches "an", never the older answer.
func TestOlderFilterAnswersAreDropped(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	r.customer(workflow.CustomerInput{Name: "Anshan Steel"})
	r.customer(workflow.CustomerInput{Name: "Dalia Pipe"}) // matches "a", not "an"
	r.open(r.clerk, "en", 30)
	r.Press("/")
	_, first := r.s.Update(screenrig.Key("a"))
	_, second := r.s.Update(screenrig.Key("n"))
	r.Run(second)
	r.Run(first)
	r.MustShow("Anshan Steel")
	r.MustNotShow("Dalia Pipe")
}

func TestPagesLoadByKeysetAndCountRows(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	for i := range 8 {
		r.customer(workflow.CustomerInput{Name: fmt.Sprintf("客户%02d", i+1)})
	}
	r.open(r.clerk, "zh", 6) // 3 rows fit
	r.MustShow("第 1–3 条", "客户01", "客户03")
	r.Press("j", "j", "j") // past the last row: the next page
	r.MustShow("第 4–6 条", "客户04")
	r.MustNotShow("客户03")
	if row, _ := r.s.list.current(); row.Name != "客户04" {
		t.Fatalf("cursor on %q", row.Name)
	}
	r.Press("k") // before the first: the page before, cursor on its last row
	r.MustShow("第 1–3 条")
	if row, _ := r.s.list.current(); row.Name != "客户03" {
		t.Fatalf("cursor on %q", row.Name)
	}
	r.Press("G")
	r.MustShow("最后 3 条", "客户08")
	r.Press("pgup")
	r.MustShow("客户03", "客户05")
	r.Press("pgup") // only two rows before: the first page, whole
	r.MustShow("第 1–3 条", "客户01")
	r.Press("pgdown", "pgdown", "pgdown")
	r.MustShow("第 7–8 条,共 8 条", "客户08")
}

func TestResizeRefitsThePage(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	for i := range 8 {
		r.customer(workflow.CustomerInput{Name: fmt.Sprintf("客户%02d", i+1)})
	}
	r.open(r.clerk, "zh", 6)
	r.s.SetSize(120, 10)
	r.Send(tea.FocusMsg{}) // any message: SetSize cannot return a command
	r.MustShow("第 1–7 条", "客户07")
}

func TestAnotherSessionsChangeReloadsKeepingCursorAndFilter(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	shenyang, _, _ := r.seed()
	r.customer(workflow.CustomerInput{Name: "沈阳重型机械厂"})
	r.open(r.clerk, "zh", 30)
	r.Press("/")
	r.Type("沈阳")
	r.Press("enter", "j")
	if row, _ := r.s.list.current(); row.Name != "沈阳重型机械厂" {
		t.Fatalf("cursor on %q", row.Name)
	}
	other := r.Engine.Desk(r.boss)
	f, err := other.CustomerFile(r.Ctx, shenyang)
	if err != nil {
		t.Fatal(err)
	}
	in := workflow.InputFromCustomer(f.Customer)
	in.Name = "沈阳钢铁集团有限公司"
	if _, err := other.UpdateCustomer(r.Ctx, f.Customer, in); err != nil {
		t.Fatal(err)
	}
	r.Send(common.ChangedMsg{Change: workflow.Change{Kind: "customer", ID: shenyang}})
	r.MustShow("沈阳钢铁集团有限公司", "筛选: 沈阳")
	if row, _ := r.s.list.current(); row.Name != "沈阳重型机械厂" {
		t.Fatalf("after the reload the cursor is on %q", row.Name)
	}
}

func TestVoidAsksWhyAndTheCustomerLeavesTheList(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	_, anshan, _ := r.seed()
	r.open(r.clerk, "zh", 30)
	r.Press("j", "x")
	r.MustShow("作废客户", "鞍山宏达钢材贸易有限公司")
	if !r.s.Capturing() {
		t.Fatal("the reason input does not capture keys")
	}
	r.Press("enter")
	r.MustShow("必填")
	r.Type("重复建档")
	r.Press("enter")
	r.MustNotShow("鞍山宏达")
	if st := r.LastStatus(); !strings.Contains(st.Text, "已作废") {
		t.Fatalf("status %+v", st)
	}
	f, err := r.Engine.Desk(r.clerk).CustomerFile(r.Ctx, anshan)
	if err != nil || !f.Voided || f.VoidReason != "重复建档" {
		t.Fatalf("want voided with the reason, got %+v %v", f.Customer, err)
	}
}

func TestKeysFollowModeAndRole(t *testing.T) {
	t.Parallel()
	r := newSeededList(t)
	has := func(want string) bool {
		for _, b := range r.s.ShortHelp() {
			if b.Enabled() && b.Help().Desc == want {
				return true
			}
		}
		return false
	}
	if !has("筛选") || !has("新建") || has("保留筛选") {
		t.Fatalf("list keys: %v", r.s.ShortHelp())
	}
	r.Press("/")
	if !has("保留筛选") || !has("清除筛选") || has("新建") {
		t.Fatalf("filter keys: %v", r.s.ShortHelp())
	}
	r.Press("esc", "enter")
	if !has("记录拜访") || !has("返回") {
		t.Fatalf("detail keys: %v", r.s.ShortHelp())
	}
	fin, err := r.Engine.AddUser(r.Ctx, mustSystem(r), "chen", "陈会计", "", []workflow.Role{workflow.Finance})
	if err != nil {
		t.Fatal(err)
	}
	r.open(fin, "zh", 30)
	if has("新建") || has("编辑") || has("作废") {
		t.Fatalf("finance may not edit customers, yet sees %v", r.s.ShortHelp())
	}
	r.Press("n")
	if r.s.mode != modeList {
		t.Fatal("n opened a form for a user who may not create customers")
	}
}

func mustSystem(r *rig) store.User {
	u, err := r.Engine.SystemUser(r.Ctx)
	if err != nil {
		r.t.Fatal(err)
	}
	return u
}
