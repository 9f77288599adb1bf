package inquiries

import (
	"strings"
	"testing"

	"orderdesk/workflow"
)

// Bad input: a clear message at the line's cell, everything typed stays
// in the form, nothing is written.
func TestBadInputShowsAtTheLineAndKeepsWhatWasTyped(t *testing.T) {
	tests := []struct {
		name, qty, date string
		field, message  string
	}{
		{"zero quantity", "0", "12-01", workflow.FQuantity, "数量: 必须大于零"},
		{"negative quantity", "-3", "12-01", workflow.FQuantity, "数量: 不能为负数"},
		{"letters for a quantity", "十吨", "12-01", workflow.FQuantity, "数量: 不是数字"},
		{"malformed date", "5", "2026-13-45", workflow.FWantedOn, "交货期: 日期格式不对"},
		{"not a date", "5", "下周", workflow.FWantedOn, "交货期: 日期格式不对"},
		{"past date", "5", "2026-11-01", workflow.FWantedOn, "交货期: 日期不能早于今天"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := newShenyangForm(t, "zh")
			// A good first line, the bad one second.
			r.Type("Q235B\t热轧钢板\t10x1500x6000\t25\tt\t12-01\t\r")
			r.Type("45#\t圆钢\tΦ50\t" + tc.qty + "\tt\t" + tc.date + "\t切边")
			r.Press("ctrl+s")
			st := r.LastStatus()
			if !st.Error || !strings.Contains(st.Text, "第 2 行") {
				t.Fatalf("status %+v does not name line 2", st)
			}
			r.MustShow(tc.message)
			v := r.View()
			msgLine := strings.Index(v, tc.message)
			if line2 := strings.Index(v, "2.  "); line2 < 0 || msgLine < line2 {
				t.Fatalf("the message is not under line 2:\n%s", v)
			}
			if got := r.cell(1, tc.field); got != tc.qty && got != tc.date {
				t.Fatalf("what was typed is gone: %q", got)
			}
			if r.cell(0, workflow.FGrade) != "Q235B" || r.cell(1, workflow.FRequirements) != "切边" {
				t.Fatalf("other cells lost:\n%s", v)
			}
			if line, key := r.s.form.f.Focused(); line != 1 || key != tc.field {
				t.Fatalf("focus %d/%s, want the bad cell", line, key)
			}
			if n := r.count(); n != 0 {
				t.Fatalf("%d inquiries written", n)
			}
			// Fixing it and saving again works.
			for range len([]rune(r.cell(1, tc.field))) {
				r.Press("backspace")
			}
			if tc.field == workflow.FQuantity {
				r.Type("5")
			} else {
				r.Type("12-01")
			}
			r.Press("ctrl+s")
			r.MustShow("未答复的询价单", "XJ2026-000001")
		})
	}
}

func TestNoLinesAndMissingNameAreNamed(t *testing.T) {
	r := newShenyangForm(t, "en")
	r.Press("ctrl+s")
	r.MustShow("at least one line is needed")
	// An unknown grade with no product name: the name is required.
	r.Type("Q999\t\t8x2000\t3\tt")
	r.Press("ctrl+s")
	r.MustShow("Product: required")
	if r.count() != 0 {
		t.Fatal("written despite the errors")
	}
}

func TestUnknownProductIsSavedAndFlagged(t *testing.T) {
	r := newShenyangForm(t, "zh")
	r.Type("Q235B\t热轧钢板\t10x1500x6000\t25\tt\t\t\r")
	r.Type("Q999\t特种板\t8x2000\t3\tt")
	r.Press("ctrl+s")
	st := r.LastStatus()
	if st.Error || !strings.Contains(st.Text, "第 2 行不在产品目录") {
		t.Fatalf("status %+v does not say line 2 is flagged", st)
	}
	// The detail marks it; the edit form notes it at the line.
	r.MustShow("XJ2026-000001")
	r.Press("enter")
	r.MustShow("询价单 XJ2026-000001", "不在产品目录,待采购核价")
	if strings.Count(r.View(), "不在产品目录") != 1 {
		t.Fatalf("only line 2 is flagged:\n%s", r.View())
	}
	r.Press("e")
	r.MustShow("修改询价单 XJ2026-000001", "特种板", "不在产品目录")
}

func TestChoicesAreNamedWhenWrong(t *testing.T) {
	r := newShenyangForm(t, "zh")
	r.Type("Q235B\t热轧钢板\t10x1500x6000\t3\t箱")
	for range 8 { // unit back to grade, then notes, contact, days, terms
		r.Press("shift+tab")
	}
	if _, key := r.s.form.f.Focused(); key != workflow.FPaymentTerms || r.s.form.picking {
		t.Fatalf("focus on %s", key)
	}
	r.Type("半")
	r.Press("ctrl+s")
	r.MustShow("请从选项中选择(先款后货 或 月结)", "单位: 请从选项中选择(吨、千克、件(t、kg、pcs))")
	if r.count() != 0 {
		t.Fatal("written")
	}
}
