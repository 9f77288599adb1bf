package inquiries

import (
	"strings"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// stored reads back the inquiry with ref's customer and lines.
func (r *rig) stored(id int64) store.Inquiry {
	r.t.Helper()
	d, err := r.Engine.Desk(r.clerk).Inquiry(r.Ctx, id)
	if err != nil || d.Inquiry == nil {
		r.t.Fatalf("inquiry %d: %v", id, err)
	}
	return *d.Inquiry
}

// onlyInquiry is the one open inquiry's id.
func (r *rig) onlyInquiry() int64 {
	r.t.Helper()
	rows, err := r.Engine.Desk(r.clerk).OpenInquiries(r.Ctx, store.Page{})
	if err != nil || len(rows) != 1 {
		r.t.Fatalf("want one open inquiry, have %d (%v)", len(rows), err)
	}
	return rows[0].ID
}

func (r *rig) cell(line int, key string) string {
	r.t.Helper()
	if r.s.form == nil {
		r.t.Fatalf("no form open:\n%s", r.View())
	}
	return r.s.form.f.Cell(line, key)
}

func TestNewInquiryFindsCustomerByMnemonicAndSaves(t *testing.T) {
	r := newForm(t, "zh")
	r.MustShow("新询价单", "客户:")
	r.Type("sygt")
	r.MustShow("沈阳钢铁有限公司")
	r.MustNotShow("鞍山宏达")
	r.Press("enter")
	// Terms come from the customer file: monthly, 30 days, its contact.
	r.MustShow("沈阳钢铁有限公司", "月结", "30", "张经理")
	if line, key := r.s.form.f.Focused(); line != 0 || key != workflow.FGrade {
		t.Fatalf("after picking, focus is %d/%s, want the first line's grade", line, key)
	}
	r.Type("Q235B\t热轧钢板\t10x1500x6000\t25\t吨\t12-01\t切边\r")
	r.Type("45#\t圆钢\tΦ50\t12.5\tt\t2026/12/1\t\t")
	r.Press("ctrl+s")
	if st := r.LastStatus(); st.Error || !strings.Contains(st.Text, "XJ2026-000001") {
		t.Fatalf("status after save: %+v\n%s", st, r.View())
	}
	r.MustShow("未答复的询价单", "XJ2026-000001", "沈阳钢铁有限公司", "0分钟")
	in := r.stored(r.onlyInquiry())
	if in.PaymentTerms != store.TermsMonthly || in.TermsDays != 30 || in.Contact != "张经理" {
		t.Fatalf("terms not from the customer file: %+v", in)
	}
	if len(in.Lines) != 2 {
		t.Fatalf("want 2 lines (the blank third skipped), have %+v", in.Lines)
	}
	l := in.Lines[0]
	if l.Grade != "Q235B" || l.Name != "热轧钢板" || l.Spec != "10×1500×6000" || l.Qty.String() != "25" || l.Unit != "t" ||
		l.WantedOn != "2026-12-01" || l.Requirements != "切边" || l.Unknown {
		t.Fatalf("line 1 stored as %+v", l)
	}
	if in.Lines[1].WantedOn != "2026-12-01" || in.Lines[1].Qty.String() != "12.5" {
		t.Fatalf("line 2 stored as %+v", in.Lines[1])
	}
}

func TestTermsCanBeChangedInTheForm(t *testing.T) {
	r := newShenyangForm(t, "zh")
	r.Press("shift+tab", "shift+tab", "shift+tab", "shift+tab") // notes, contact, days, terms
	if _, key := r.s.form.f.Focused(); key != workflow.FPaymentTerms {
		t.Fatalf("focus on %s, want payment terms", key)
	}
	for range 4 {
		r.Press("backspace")
	}
	r.Type("先款后货\t\t\t\t")
	r.Type("Q235B\t\t10x1500x6000\t3\tt")
	r.Press("ctrl+s")
	r.MustShow("XJ2026-000001")
	if in := r.stored(r.onlyInquiry()); in.PaymentTerms != store.TermsPrepaid || in.TermsDays != 0 {
		t.Fatalf("terms typed over the customer's were not kept: %+v", in)
	}
}

// A fast typist picks the customer and types the first line before the
// lookup has answered: every key lands, in order, where it was meant.
func TestTypeAheadThroughTheLookup(t *testing.T) {
	r := newRig(t)
	r.customers()
	r.open(r.clerk, "zh", 30)
	r.Burst(screenrig.Script("n", "sygt", "{enter}", "Q235B", "{tab}", "热轧钢板", "{tab}", "10x1500")...)
	r.Settle(2 * time.Second)
	if r.s.form == nil || r.s.form.customer.Name != "沈阳钢铁有限公司" {
		t.Fatalf("customer not picked:\n%s", r.View())
	}
	for key, want := range map[string]string{workflow.FGrade: "Q235B", workflow.FProductName: "热轧钢板", workflow.FSpec: "10x1500"} {
		if got := r.cell(0, key); got != want {
			t.Errorf("line 1 %s = %q, want %q\n%s", key, got, want, r.View())
		}
	}
	if v := r.s.form.look.input.Value(); v != "sygt" {
		t.Errorf("the lookup took keys meant for the form: %q", v)
	}
}

// Keys typed right after a field change (tab, enter, a new line) land in
// the new field, with nothing in between to let a focus command run.
func TestKeysAfterFieldChangeLandInTheNextField(t *testing.T) {
	r := newForm(t, "zh")
	r.Type("ashd\r")
	r.MustShow("鞍山宏达钢材贸易有限公司")
	r.Burst(screenrig.Script("Q235B", "{tab}", "热轧钢板", "{enter}", "10x1500x6000", "{tab}", "25", "{tab}", "t", "{tab}",
		"12-01", "{tab}", "切边", "{enter}", "45#", "{tab}", "圆钢", "{ctrl+n}", "304")...)
	want := [][2]string{{workflow.FGrade, "Q235B"}, {workflow.FProductName, "热轧钢板"}, {workflow.FSpec, "10x1500x6000"},
		{workflow.FQuantity, "25"}, {workflow.FUnit, "t"}, {workflow.FWantedOn, "12-01"}, {workflow.FRequirements, "切边"}}
	for _, w := range want {
		if got := r.cell(0, w[0]); got != w[1] {
			t.Errorf("line 1 %s = %q, want %q", w[0], got, w[1])
		}
	}
	if r.cell(1, workflow.FGrade) != "45#" || r.cell(1, workflow.FProductName) != "圆钢" || r.cell(2, workflow.FGrade) != "304" {
		t.Errorf("lines 2 and 3: %q %q %q\n%s", r.cell(1, workflow.FGrade), r.cell(1, workflow.FProductName),
			r.cell(2, workflow.FGrade), r.View())
	}
}

// The wrong customer picked: shift+tab from the first field goes back to
// the lookup; the lines stay, the terms become the new customer's.
func TestChangeTheCustomerKeepsTheLines(t *testing.T) {
	r := newShenyangForm(t, "zh")
	r.MustShow("张经理")
	r.Type("Q235B\t热轧钢板")
	for range 6 { // name, grade, notes, contact, days, terms, then the lookup
		r.Press("shift+tab")
	}
	if !r.s.form.picking {
		t.Fatalf("not back at the lookup:\n%s", r.View())
	}
	r.Press("backspace", "backspace", "backspace", "backspace")
	r.Type("ashd\r")
	r.MustShow("鞍山宏达钢材贸易有限公司", "先款后货", "热轧钢板")
	r.MustNotShow("张经理", "月结")
	if r.cell(0, workflow.FGrade) != "Q235B" {
		t.Fatal("lines lost")
	}
}
