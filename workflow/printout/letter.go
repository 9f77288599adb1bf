package printout

import (
	"time"

	"orderdesk/store"
)

// OverdueLetter is an overdue payment letter (逾期回款函) to a customer
// with invoices a month or more past due, sent with a statement of
// account.
type OverdueLetter struct {
	Number    string
	Date      time.Time // date of the letter; days overdue count to it
	Seller    Party     // its Bank and Account are where to pay
	Customer  Party
	Invoices  []OverdueInvoice
	PayBy     time.Time  // pay by this date; zero leaves a blank
	Statement *Statement // printed after the letter as its attachment; nil: none
}

// OverdueInvoice is one open invoice past its due date.
type OverdueInvoice struct {
	Number      string // invoice number
	OrderNumber string
	Date        time.Time // invoice date
	Due         time.Time
	Amount      store.Money // invoice amount
	Paid        store.Money // received against it so far
}

// Open is what is still owed on the invoice.
func (i OverdueInvoice) Open() store.Money { return i.Amount - i.Paid }

// DaysOverdue counts calendar days from the due date to on.
func (i OverdueInvoice) DaysOverdue(on time.Time) int {
	civil := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	return int(civil(on).Sub(civil(i.Due)).Hours() / 24)
}

// Overdue is the sum owed on the letter's invoices.
func (l OverdueLetter) Overdue() store.Money {
	var m store.Money
	for _, i := range l.Invoices {
		m += i.Open()
	}
	return m
}

// OverdueLetterPDF renders the letter and, after it, the statement.
func OverdueLetterPDF(l OverdueLetter) ([]byte, error) {
	d, err := newPDF("逾期回款函 " + l.Number)
	if err != nil {
		return nil, err
	}
	d.startSection("逾期回款函  " + l.Number)
	d.continued = func() {
		d.setSize(9)
		d.text(marginX, d.y, contentW, "逾期回款函（续）  "+l.Number, alignLeft)
		d.y += d.lineH() + 1
	}
	d.setSize(12)
	d.line(l.Seller.Name, alignCenter)
	d.setSize(18)
	d.line("逾期回款函", alignCenter)
	d.setSize(10)
	d.line("编号："+l.Number, alignRight)
	d.y += 2
	d.setSize(11)
	d.line(l.Customer.Name+"：", alignLeft)
	d.y += 1
	overdue := l.Overdue()
	d.paragraph("感谢贵公司长期以来对我公司的支持与信任。截至"+date(l.Date)+
		"，贵公司以下发票款项已超过约定付款期限，尚未支付：", 8)
	d.y += 1
	d.setSize(9)
	d.drawTable(letterTable(l))
	d.y += 2
	d.setSize(11)
	d.paragraph("逾期金额合计"+yuanSign(overdue)+"（人民币大写："+capitalOf(overdue)+"）。", 8)
	d.paragraph("请贵公司于"+date(l.PayBy)+"前将上述款项汇入我公司账户。"+
		"如贵公司已付款，请将付款凭证传真或发送给我公司，以便核对；如对上述款项有异议，请于收到本函后五日内书面告知。", 8)
	d.y += 1
	d.paragraph("户名："+l.Seller.Name, 8)
	d.paragraph("开户银行："+orBlank(l.Seller.Bank), 8)
	d.paragraph("账号："+orBlank(l.Seller.Account), 8)
	d.y += 1
	if l.Statement != nil {
		d.paragraph("附件：货款往来对账单（"+month(l.Statement.first())+"）", 8)
	}
	d.y += 6
	d.ensure(4 * d.lineH())
	for _, s := range []string{l.Seller.Name + "（盖章）", "联系人：" + l.Seller.Contact + "　电话：" + l.Seller.Phone, date(l.Date)} {
		d.line(s, alignRight)
	}
	d.continued = nil
	if l.Statement != nil {
		d.statement(*l.Statement, "逾期回款函 "+l.Number)
	}
	return d.bytes()
}

func letterTable(l OverdueLetter) *table {
	t := &table{cols: []column{
		{head: "发票号", align: alignLeft}, // a number is never broken over lines: the order number gives way
		{head: "订单号", align: alignLeft, wrap: true},
		{head: "开票日期", align: alignCenter},
		{head: "到期日", align: alignCenter},
		{head: "发票金额", align: alignRight},
		{head: "已付金额", align: alignRight},
		{head: "未付金额", align: alignRight},
		{head: "逾期天数", align: alignRight},
	}}
	var amount, paid store.Money
	for _, i := range l.Invoices {
		t.rows = append(t.rows, []string{i.Number, i.OrderNumber, date(i.Date), date(i.Due),
			yuan(i.Amount), yuan(i.Paid), yuan(i.Open()), itoa(i.DaysOverdue(l.Date))})
		amount += i.Amount
		paid += i.Paid
	}
	t.total = []string{"合计", "", "", "", yuan(amount), yuan(paid), yuan(amount - paid), ""}
	return t
}
