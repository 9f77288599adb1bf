package pricing

import (
	"testing"

	"orderdesk/store"
)

// e edits a draft in the desk's form: header and lines, prices too; a
// bad cell is refused at its line with what was typed kept, and ctrl+s
// saves the whole version.
func TestEditDraftInTheForm(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	r.showAs(r.clerk, "zh", q)
	r.MustShow("第1版 · 草稿")
	r.Press("e")
	r.MustShow("编辑报价 BJ2026-000001 · 第1版", "先款后货", "热轧钢板")
	r.Press("tab", "tab", "backspace")
	r.Type("10")
	r.Press("tab")
	r.Type("含运费")
	for range 8 { // the notes, then line 1 from its grade to its price
		r.Press("tab")
	}
	r.Type("3850")
	r.Press("down") // line 2, same column
	r.Type("4100")
	for range 4 { // back to line 2's quantity
		r.Press("shift+tab")
	}
	r.Press("backspace", "backspace", "backspace")
	r.Type("0")
	r.Press("ctrl+s")
	r.MustShow("必须大于零", "含运费", "4100")
	if d := r.detail(q); d.Quote.ValidityDays != 7 || d.Quote.Lines[0].Priced {
		t.Fatalf("half a form was saved: %+v", d.Quote)
	}
	r.Press("backspace")
	r.Type("4")
	r.Press("ctrl+s")
	r.MustShow("第1版 · 草稿", "有效期 10天", "备注 含运费", "¥3,850.00/吨", "4.000 吨", "¥16,400.00")
	d := r.detail(q)
	if d.Quote.ValidityDays != 10 || d.Quote.Notes != "含运费" || d.Quote.Lines[1].Qty != 4000 || d.Quote.Lines[0].Price != 385000 ||
		d.Quote.Lines[0].Source != store.SourceManual {
		t.Fatalf("saved %+v", d.Quote)
	}
}
