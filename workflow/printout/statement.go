package printout

import (
	"time"

	"orderdesk/store"
)

// Statement is a statement of account (货款往来对账单) for one customer
// and month, sent after finance has signed the month off. The balance is
// what the customer owes for goods shipped less money received;
// invoices are listed for reference and do not move it.
type Statement struct {
	Number   string // statement number; may be empty
	Seller   Party
	Customer Party
	Year     int
	Month    time.Month
	Opening  store.Money // owed at the start of the month; negative: paid in advance
	Lines    []StatementLine
	Date     time.Time // date issued
	ReplyBy  time.Time // confirm or dispute by; zero: no date asked
	Notes    string
	// Footer is one line printed small under the confirmation, at the
	// foot of the statement (an audit checkpoint, say); "" prints none.
	Footer string
}

// StatementLine is one movement of the month; usually one of the three
// amounts is set.
type StatementLine struct {
	Date     time.Time
	Ref      string      // delivery note, invoice or receipt number
	Summary  string      // 摘要, e.g. 发货 Q235B 热轧钢板 30.000吨, 电汇回款
	Shipped  store.Money // goods shipped: raises the balance
	Invoiced store.Money // invoice issued: for reference
	Received store.Money // money received: lowers the balance
}

// Totals are the month's sums and the closing balance.
func (s Statement) Totals() (shipped, invoiced, received, closing store.Money) {
	closing = s.Opening
	for _, l := range s.Lines {
		shipped += l.Shipped
		invoiced += l.Invoiced
		received += l.Received
		closing += l.Shipped - l.Received
	}
	return
}

func (s Statement) first() time.Time { return time.Date(s.Year, s.Month, 1, 0, 0, 0, 0, time.Local) }

func (s Statement) last() time.Time { return s.first().AddDate(0, 1, -1) }

// StatementPDF renders the statement with its confirmation block.
func StatementPDF(s Statement) ([]byte, error) {
	d, err := newPDF("货款往来对账单 " + s.Customer.Name + " " + month(s.first()))
	if err != nil {
		return nil, err
	}
	d.statement(s, "")
	return d.bytes()
}

// statement draws s from a new section; attached names the letter it is
// attached to ("" when it stands alone).
func (d *pdfDoc) statement(s Statement, attached string) {
	label := "货款往来对账单  " + s.Customer.Name + "  " + month(s.first())
	if attached != "" {
		label = "附件：" + label
	}
	d.startSection(label)
	d.continued = func() {
		d.setSize(9)
		d.text(marginX, d.y, contentW, "货款往来对账单（续）  "+s.Customer.Name, alignLeft)
		d.text(marginX, d.y, contentW, month(s.first()), alignRight)
		d.y += d.lineH() + 1
	}
	if attached != "" {
		d.setSize(10)
		d.line("附件："+attached, alignLeft)
	}
	d.setSize(12)
	d.line(s.Seller.Name, alignCenter)
	d.setSize(18)
	d.line("货款往来对账单", alignCenter)
	d.y += 1
	d.setSize(10)
	d.fieldGrid([][2]string{
		{"致：" + s.Customer.Name, "编号：" + s.Number},
		{"联系人：" + joinNonEmpty("  ", s.Customer.Contact, s.Customer.Phone), "对账期间：" + month(s.first())},
	})
	d.y += 1
	intro := "贵公司与我公司" + date(s.first()) + "至" + date(s.last()) + "的往来款项明细如下，请核对。" +
		"如核对无误，请在“核对无误”处签字盖章；如有不符，请在“核对不符”处注明不符金额及原因"
	if !s.ReplyBy.IsZero() {
		intro += "，并于" + date(s.ReplyBy) + "前回传我公司"
	} else {
		intro += "，并回传我公司"
	}
	d.paragraph(intro+"。", 0)
	d.y += 1
	d.setSize(9)
	d.drawTable(statementTable(s))
	d.y += 2
	d.setSize(10)
	_, _, _, closing := s.Totals()
	switch {
	case closing > 0:
		d.paragraph("截至"+date(s.last())+"，贵公司尚欠我公司货款"+yuanSign(closing)+"（人民币大写："+capitalOf(closing)+"）。", 0)
	case closing < 0:
		d.paragraph("截至"+date(s.last())+"，贵公司预付货款余额"+yuanSign(-closing)+"（人民币大写："+capitalOf(closing)+"）。", 0)
	default:
		d.paragraph("截至"+date(s.last())+"，双方往来款项已结清。", 0)
	}
	if s.Notes != "" {
		d.paragraph("备注："+s.Notes, 0)
	}
	d.y += 2
	d.paragraph("对账单位："+s.Seller.Name+"（盖章）　联系人："+s.Seller.Contact+"　电话："+s.Seller.Phone+"　日期："+date(s.Date), 0)
	d.y += 3
	d.confirmation()
	if s.Footer != "" {
		d.y += 2
		d.setSize(7)
		d.paragraph(s.Footer, 0)
	}
	d.continued = nil
}

func statementTable(s Statement) *table {
	t := &table{cols: []column{
		{head: "日期", align: alignCenter},
		{head: "单据号", align: alignLeft, wrap: true},
		{head: "摘要", align: alignLeft, wrap: true},
		{head: "发货金额", align: alignRight},
		{head: "开票金额", align: alignRight},
		{head: "回款金额", align: alignRight},
		{head: "余额", align: alignRight},
	}}
	t.rows = append(t.rows, []string{date(s.first()), "", "期初余额", "", "", "", yuan(s.Opening)})
	balance := s.Opening
	for _, l := range s.Lines {
		balance += l.Shipped - l.Received
		t.rows = append(t.rows, []string{date(l.Date), l.Ref, l.Summary,
			blankZero(l.Shipped), blankZero(l.Invoiced), blankZero(l.Received), yuan(balance)})
	}
	shipped, invoiced, received, closing := s.Totals()
	t.total = []string{"本期合计", "", "期末余额", yuan(shipped), yuan(invoiced), yuan(received), yuan(closing)}
	return t
}

func blankZero(m store.Money) string {
	if m == 0 {
		return ""
	}
	return yuan(m)
}

// confirmation draws the customer's two answers side by side, kept on
// one page: agreed, or disputed with the difference and why.
func (d *pdfDoc) confirmation() {
	d.setSize(10)
	left := []string{"核对无误。", "", "", "客户（签字盖章）：", "", "经办人：", "日期：" + date(time.Time{})}
	right := []string{"核对不符，不符金额及原因：", "", "", "客户（签字盖章）：", "", "经办人：", "日期：" + date(time.Time{})}
	lh := d.lineH() + 0.8
	h := float64(len(left))*lh + 4
	d.ensure(h)
	w := contentW / 2
	for i, ls := range [][]string{left, right} {
		x := marginX + float64(i)*w
		d.box(x, d.y, w, h)
		for j, l := range ls {
			d.text(x+2, d.y+2+float64(j)*lh, w-4, l, alignLeft)
		}
	}
	d.y += h
}
