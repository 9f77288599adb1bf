package pricelist

import (
	"strings"
	"testing"
)

// TestChangeFormEscAsksFirst: esc (ctrl+c while typing) over a price
// change being typed asks before discarding; any other key goes on
// typing; a second esc discards.
func TestChangeFormEscAsksFirst(t *testing.T) {
	r := newRig(t).propose()
	r.Type("月底调价\tQ235B")
	r.Press("esc")
	r.MustShow("月底调价", "Q235B")
	if st := r.LastStatus(); st.Error || !strings.Contains(st.Text, "再按 esc 放弃") { // a question, not an error: the next key takes it back
		t.Fatalf("esc over typed input: %+v", st)
	}
	r.Type("X") // goes on typing: the next esc asks again
	r.Press("esc")
	r.MustShow("Q235BX")
	r.Press("esc")
	r.MustNotShow("Q235BX")
}

// TestUnknownProductInAChange: a price-list change for a product not in
// the catalogue is saved and says so, without promising that purchasing
// will price it (that is a quote line's path, not the price list's).
func TestUnknownProductInAChange(t *testing.T) {
	r := newRig(t).propose()
	r.Type("新品定价\tXYZ99\t特种钢\t1×1\tt\t4500\t12-05")
	r.Press("ctrl+s")
	r.MustShow("待审的价目表变更 (1)")
	st := r.LastStatus()
	if !strings.Contains(st.Text, "不在产品目录") || strings.Contains(st.Text, "采购") {
		t.Fatalf("status %+v", st)
	}
}
