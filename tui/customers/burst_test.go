package customers

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest/screenrig"
)

// A whole customer typed in one burst, every key handed to Update before
// any is drawn and before any command's answer comes back, lands field
// by field as meant, page after page.
func TestCustomerTypedInOneBurst(t *testing.T) {
	r := newRig(t)
	r.open(r.clerk, "zh", 30)
	var burst []tea.Msg
	for _, part := range []string{"n",
		"辽宁特钢贸易有限公司", "tab", "辽特", "tab", "tab", // a blank 助记码 is derived
		"张伟", "tab", "0411-86541234", "tab", "tab", "lnt@example.cn", "tab", "tab", "辽宁", "tab", "大连", "tab", "甘井子区 1 号", "tab",
		"机械加工", "tab", "Q235B", "tab", "鞍钢", "tab",
		"right", "tab", // 售后
		"right", "tab", // 理计
		"right", "right", "right", "tab", // 展会
		"right", "tab", // 刘强
		"年框", "ctrl+j", "按月对账", "tab",
		"right", "tab", "30", "tab", "200000", "tab", "新客户", "ctrl+s"} {
		if len([]rune(part)) == 1 || screenrig.Key(part).Mod != 0 || screenrig.Key(part).Text == "" {
			burst = append(burst, screenrig.Key(part))
			continue
		}
		for _, c := range part {
			burst = append(burst, tea.KeyPressMsg{Code: c, Text: string(c)})
		}
	}
	for _, k := range burst {
		r.Deliver(k) // no settling: the commands' answers wait
	}
	r.Settle(2 * time.Second)

	rows, err := r.Engine.Desk(r.clerk).Customers(r.Ctx, store.Page{Query: "lntg"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("want one customer, got %+v %v\n%s", rows, err, r.View())
	}
	f, err := r.Engine.Desk(r.clerk).CustomerFile(r.Ctx, rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	c := f.Customer
	got := []string{c.Name, c.ShortName, c.Mnemonic, c.Contact, c.Phone, c.Fax, c.Email, c.Website, c.Province, c.City,
		c.Address, c.Produces, c.UsualGrades, c.Suppliers, c.Category, c.Weighing, c.Source, c.Rep, c.Notes}
	want := []string{"辽宁特钢贸易有限公司", "辽特", "LNTGMYYXGS", "张伟", "0411-86541234", "", "lnt@example.cn", "", "辽宁", "大连",
		"甘井子区 1 号", "机械加工", "Q235B", "鞍钢", "after_sales", store.WeighingTheoretical, "exhibition", "刘强", "年框\n按月对账"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("field %d: got %q, want %q", i, got[i], want[i])
		}
	}
	if p := f.PendingTerms; p == nil || p.NewTerms != store.TermsMonthly || p.NewDays != 30 || p.NewCredit != 20000000 {
		t.Fatalf("pending terms %+v", p)
	}
}
