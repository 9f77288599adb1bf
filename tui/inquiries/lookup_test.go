package inquiries

import (
	"testing"

	"orderdesk/store"
	"orderdesk/tui/common/custlookup"
)

// The lookup asks again on every key and shows only the answer to the
// latest query: an answer that comes late for an older one is dropped.
func TestLookupDropsStaleAnswers(t *testing.T) {
	r := newForm(t, "zh")
	r.Type("鞍")
	r.MustShow("鞍山宏达钢材贸易有限公司")
	r.MustNotShow("沈阳钢铁有限公司")
	look := r.s.form.look
	stale := look.Req() - 1
	r.Send(custlookup.FoundMsg{For: look.Lookup, Req: stale, Query: "", Rows: []store.CustomerRow{{ID: 99, Name: "过时的答复有限公司"}}})
	r.MustNotShow("过时的答复有限公司")
	r.MustShow("鞍山宏达钢材贸易有限公司")
	// By name, short name or phone, as the customer list filters.
	for _, q := range []string{"宏达", "0412"} {
		for range len([]rune(r.s.form.look.input.Value())) {
			r.Press("backspace")
		}
		r.Type(q)
		r.MustShow("鞍山宏达钢材贸易有限公司")
		r.MustNotShow("沈阳钢铁有限公司")
	}
	r.Type("zzz")
	r.MustShow("没有匹配“04", "的客户")
	r.Press("enter") // nothing to pick: the lookup stays
	if !r.s.form.picking {
		t.Fatal("enter picked a customer that does not match")
	}
}
