package pricelist

import (
	"strings"
	"testing"
)

// TestChangeFormEscAsksFirst: esc (ctrl+c while typing) over a price
// change being typed asks before discarding; any other key goes on
// typing; a second esc discards.
func TestChangeFormEscAsksFirst(t *testing.T) {
	r := newRig(t)
	r.open(r.clerk, "zh", 30)
	r.press("n")
	r.typ("月底调价\tQ235B")
	r.press("esc")
	r.mustShow("月底调价", "Q235B")
	if st := r.lastStatus(); !st.Error || !strings.Contains(st.Text, "再按 esc 放弃") {
		t.Fatalf("esc over typed input: %+v", st)
	}
	r.typ("X") // goes on typing: the next esc asks again
	r.press("esc")
	r.mustShow("Q235BX")
	r.press("esc")
	r.mustNotShow("Q235BX")
}
