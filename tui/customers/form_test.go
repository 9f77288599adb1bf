package customers

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

func (r *rig) count() int {
	r.t.Helper()
	rows, err := r.Engine.Desk(r.clerk).Customers(r.Ctx, store.Page{Voided: true})
	if err != nil {
		r.t.Fatal(err)
	}
	return len(rows)
}

func TestEmptyNameIsRefusedInlineAndNothingIsSaved(t *testing.T) {
	t.Parallel()
	r := newCustomerForm(t)
	r.MustShow("新建客户 · 1/4 基本信息 › 全称", "全称", "简称", "助记码")
	if !r.s.Capturing() {
		t.Fatal("the form does not capture keys")
	}
	r.Press("enter")
	r.MustShow("全称:必填")
	r.Press("ctrl+s")
	r.MustShow("请先改正标出的字段")
	r.Press("esc")
	if r.s.mode != modeList || r.count() != 0 {
		t.Fatalf("mode %d, %d customers after esc", r.s.mode, r.count())
	}
	if st := r.LastStatus(); st.Text != "已取消,未保存" {
		t.Fatalf("status %+v", st)
	}
}

func TestNewCustomerSavedWithCtrlS(t *testing.T) {
	t.Parallel()
	r := newCustomerForm(t)
	r.Type("抚顺特殊钢股份有限公司")
	r.Press("enter")
	r.MustShow("› 简称")
	r.Type("抚特")
	r.Press("enter")
	r.MustShow("FSTSGGFYXGS") // the 助记码 a blank field gets
	r.Press("ctrl+s")
	if st := r.LastStatus(); st.Text != "已保存 抚顺特殊钢股份有限公司" {
		t.Fatalf("status %+v", st)
	}
	r.MustShow("抚顺特殊钢股份有限公司", "抚特")
	if row, _ := r.s.list.current(); row.Mnemonic != "FSTSGGFYXGS" {
		t.Fatalf("cursor on %+v", row)
	}
}

func TestFailedSaveKeepsWhatWasTyped(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	id, _, _ := r.seed()
	r.open(r.clerk, "zh", 40)
	r.Press("e")
	r.MustShow("编辑客户 C000001 沈阳钢铁有限公司")
	r.Press("tab")
	r.MustShow("› 简称")
	r.Press("end") // edit in place: typing over would replace 沈钢
	r.Type("集团")
	// Meanwhile someone else edits the same customer.
	other := r.Engine.Desk(r.boss)
	f, _ := other.CustomerFile(r.Ctx, id)
	in := workflow.InputFromCustomer(f.Customer)
	in.Phone = "024-99990000"
	if _, err := other.UpdateCustomer(r.Ctx, f.Customer, in); err != nil {
		t.Fatal(err)
	}
	r.Press("ctrl+s")
	r.MustShow("已被 赵主管 修改", "沈钢集团")
	if st := r.LastStatus(); !st.Error || !strings.Contains(st.Text, "您的输入已保留") {
		t.Fatalf("status %+v", st)
	}
	if r.s.mode != modeForm {
		t.Fatal("the form closed after a failed save")
	}
}

func TestPendingTermsRefusalKeepsTheFormAfterTheLastField(t *testing.T) {
	t.Parallel()
	r, id := pendingFile(t, "zh", 40)
	r.Press("enter") // this screen alone, without the desk holding keys typed ahead: wait for the file
	r.MustShow("待审核变更")
	r.Press("e")
	r.MustShow("编辑客户 C000001", "› 全称")
	for range 19 { // past the weighing basis and the source on the business page
		r.Press("tab")
	}
	r.MustShow("4/4 付款条件 › 付款方式", "审核通过后才生效", "待审核:月结60天")
	r.Press("tab", "tab", "ctrl+u")
	r.Type("abc")
	r.Press("enter")
	r.MustShow("信用额度(元):不是数字", "abc")
	r.Press("ctrl+u")
	r.Type("800000")
	r.Press("enter", "enter") // enter on the last field saves: the save is refused
	r.MustShow("该客户已有待审核的付款条件变更", "800000", "4/4 付款条件")
	if r.s.mode != modeForm {
		t.Fatal("the form closed after a refusal")
	}
	f, _ := r.Engine.Desk(r.clerk).CustomerFile(r.Ctx, id)
	if f.CreditLimit != 0 || f.PendingTerms.NewCredit != 50000000 {
		t.Fatalf("credit %v, pending %v", f.CreditLimit, f.PendingTerms.NewCredit)
	}
	r.Press("esc")
	if st := r.LastStatus(); !strings.Contains(st.Text, "放弃已录入的内容?再按 esc 放弃") || r.s.mode != modeForm {
		t.Fatalf("one esc over what was typed: mode %d, status %q", r.s.mode, st.Text)
	}
	r.Press("esc")
	if r.s.mode != modeDetail {
		t.Fatalf("esc went to mode %d, not back to the detail", r.s.mode)
	}
}

// A quick n can open the form before the sales reps have loaded: they
// must still reach the rep field when they arrive.
func TestRepsArrivingAfterTheFormOpensReachIt(t *testing.T) {
	r := newRig(t)
	r.open(r.clerk, "en", 40)
	r.s.reps = nil // as if their loading had not answered yet
	r.Run(r.s.openCreate())
	r.Deliver(repsMsg{reps: []store.User{r.rep}})
	f := r.s.form
	f.fields.FocusField(fRep)
	for _, o := range []struct {
		id    int64
		label string
	}{{0, "none"}, {r.rep.ID, "刘强"}} {
		f.fields.SetValue(fRep, strconv.FormatInt(o.id, 10))
		if f.fields.Value(fRep) != strconv.FormatInt(o.id, 10) || !strings.Contains(ansi.Strip(f.view()), o.label) {
			t.Fatalf("the rep field does not offer %q:\n%s", o.label, ansi.Strip(f.view()))
		}
	}
}
