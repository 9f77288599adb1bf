package customers

import (
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// pendingFile is the clerk's list in lang, height rows high, over the
// pending customer, whose id it returns.
func pendingFile(t *testing.T, lang string, height int) (*rig, int64) {
	t.Helper()
	r := newRig(t)
	id := r.pendingCustomer()
	r.open(r.clerk, lang, height)
	return r, id
}

// pendingCustomer is 沈阳钢铁 with a changed phone (history) and a terms
// change to 月结60天 ¥500,000 waiting for review, and one visit.
func (r *rig) pendingCustomer() int64 {
	r.t.Helper()
	id, _, _ := r.seed()
	d := r.Engine.Desk(r.clerk)
	f, err := d.CustomerFile(r.Ctx, id)
	if err != nil {
		r.t.Fatal(err)
	}
	in := workflow.InputFromCustomer(f.Customer)
	in.Phone, in.PaymentTerms, in.TermsDays, in.CreditLimit, in.TermsWhy = "024-11112222", store.TermsMonthly, "60", "500000", "年采购量大"
	doc, err := d.UpdateCustomer(r.Ctx, f.Customer, in)
	if err != nil || doc == 0 {
		r.t.Fatalf("terms change not opened: %d %v", doc, err)
	}
	if err := d.AddVisit(r.Ctx, store.Visit{CustomerID: id, On: "2026-11-20", Kind: "visit", Notes: "谈明年框架合同"}); err != nil {
		r.t.Fatal(err)
	}
	return id
}

func TestDetailShowsTheWholeFile(t *testing.T) {
	t.Parallel()
	r, _ := pendingFile(t, "zh", 40)
	r.Press("/")
	r.Type("sygt")
	r.Press("enter", "enter")
	r.MustShow("C000001  沈阳钢铁有限公司", "沈钢", "SYGTYXGS", "024-11112222", "刘强", "先款后货", "计重方式      按系统设置",
		"待审核:月结60天,¥500,000.00 — 提交人 王丽", "原因:年采购量大",
		"拜访记录(1)", "2026-11-20", "谈明年框架合同",
		"变更记录", "王丽  修改:电话", "王丽  新建")
	if r.s.Capturing() {
		t.Fatal("the detail captures keys: q and tab would not reach the frame")
	}
	r.Press("esc")
	r.MustShow("筛选: sygt", "第 1–1 条")
	if row, _ := r.s.list.current(); row.Name != "沈阳钢铁有限公司" {
		t.Fatalf("back on %q", row.Name)
	}
}

func TestDetailScrollsWhenTheWindowIsShort(t *testing.T) {
	t.Parallel()
	r, _ := pendingFile(t, "en", 8)
	r.Press("enter")
	r.MustShow("C000001")
	r.MustNotShow("Change history")
	r.Press("G")
	r.MustShow("Change history", "created")
	r.MustNotShow("C000001")
	r.Press("g")
	r.MustShow("C000001")
}

// v on the list logs a visit to the customer under the cursor, as it
// does in the file; the file, with the visit, is what the form returns to.
func TestVisitIsLoggedFromTheList(t *testing.T) {
	t.Parallel()
	r, _ := pendingFile(t, "en", 40)
	r.MustShow("C000001")
	r.Press("v")
	r.MustShow("C000001", "沈阳钢铁有限公司", "2026-11-26")
	r.Press("tab", "right", "tab") // kind: a call
	r.Type("Quote sent, answer next week")
	r.Press("ctrl+s")
	r.MustShow("Visits (2)", "Quote sent, answer next week")
	r.Press("esc")
	r.MustShow("C000001")
	r.MustNotShow("Visits (2)")
}

func TestMoneyFollowsRoles(t *testing.T) {
	t.Parallel()
	r := newRig(t)
	r.pendingCustomer() // 沈阳钢铁 belongs to 刘强
	other, err := r.Engine.AddUser(r.Ctx, mustSystem(r), "sun", "孙莉", "", []workflow.Role{workflow.SalesRep})
	if err != nil {
		t.Fatal(err)
	}
	r.open(other, "zh", 40)
	r.MustShow("无权查看")
	r.Press("enter")
	r.MustShow("信用额度(元)  无权查看", "待审核:月结60天,无权查看", "无权查看(含金额)")
	r.MustNotShow("500,000")
	r.open(r.rep, "zh", 40)
	r.Press("enter")
	r.MustShow("¥500,000.00")
}

func TestVisitIsLoggedFromTheDetail(t *testing.T) {
	t.Parallel()
	r, id := pendingFile(t, "zh", 40)
	r.Press("enter")
	r.MustShow("拜访记录(1)") // the screen alone holds no keys: v waits for the file as the root would make it
	r.Press("v")
	r.MustShow("记录拜访 C000001 沈阳钢铁有限公司", "2026-11-26")
	r.Press("ctrl+s")
	r.MustShow("内容:必填")
	for range 5 {
		r.Press("backspace") // clear part of the date: 2026-
	}
	r.Type("12/1")
	r.Press("tab", "right", "tab") // kind: 电话
	r.Type("报价已发,客户下周回复")
	r.Press("ctrl+s")
	r.MustShow("拜访记录(2)", "2026-12-01", "报价已发,客户下周回复")
	if st := r.LastStatus(); st.Text != "已记录拜访" {
		t.Fatalf("status %+v", st)
	}
	f, _ := r.Engine.Desk(r.clerk).CustomerFile(r.Ctx, id)
	if len(f.Visits) != 2 || f.Visits[0].Kind != "call" || f.Visits[0].On != "2026-12-01" {
		t.Fatalf("visits %+v", f.Visits)
	}
	if strings.Contains(r.View(), "记录拜访 C000001") {
		t.Fatal("the visit form is still open")
	}
}
