package printout

import (
	"time"
)

// Contract is a sales contract (销售合同) for one order, as signed by the
// supervisor and sent to the customer to sign, stamp and return.
type Contract struct {
	Number       string    // contract = order number, e.g. LNSYNO.0001
	Date         time.Time // date of signing; zero leaves a blank
	Place        string    // place of signing (签订地点)
	Seller       Party     // the company (供方)
	Buyer        Party     // the customer (需方), full legal name
	Lines        []Line    // in order; any number, pages break between lines
	DeliveryDate time.Time // 交货日期
	ShipTo       string    // delivery address (交货地点)
	Transport    string    // 运输方式及费用, e.g. 供方汽运送货，运费供方承担; empty leaves a blank
	PaymentTerms string    // 付款方式, e.g. 先款后货 or 月结30天
	Weighing     string    // 计重方式, e.g. 理计（按理论重量结算）; empty leaves it out
	Clauses      []string  // further terms; nil prints DefaultClauses()
	Notes        string    // 备注, printed after the clauses
}

// DefaultClauses are the usual terms of a steel sales contract, printed
// when a contract names none.
func DefaultClauses() []string {
	return []string{
		"质量标准：按国家标准及生产厂家质量证明书执行。",
		"验收及异议：需方收货时当场验收数量及外观；质量异议应于收货后十五日内书面提出，逾期视为合格。",
		"计量方式：按合同约定的重量结算，磅差在千分之三以内不计。",
		"违约责任：按《中华人民共和国民法典》有关规定执行。",
		"争议解决：双方协商解决；协商不成的，由供方所在地人民法院管辖。",
		"本合同一式两份，双方各执一份，经双方签字盖章后生效；传真件、扫描件与原件具有同等效力。",
	}
}

// ContractPDF renders the contract as an A4 PDF.
func ContractPDF(c Contract) ([]byte, error) {
	d, err := newPDF("销售合同 " + c.Number)
	if err != nil {
		return nil, err
	}
	d.startSection("销售合同  " + c.Number)
	d.continued = func() {
		d.setSize(9)
		d.text(marginX, d.y, contentW, "销售合同（续）", alignLeft)
		d.text(marginX, d.y, contentW, "合同编号："+c.Number, alignRight)
		d.y += d.lineH() + 1
	}

	d.setSize(12)
	d.line(c.Seller.Name, alignCenter)
	d.setSize(20)
	d.line("销 售 合 同", alignCenter)
	d.y += 2

	d.setSize(10)
	half := contentW / 2
	pairs := [][2]string{
		{"供方（甲方）：" + c.Seller.Name, "合同编号：" + c.Number},
		{"需方（乙方）：" + c.Buyer.Name, "签订日期：" + date(c.Date)},
		{"", "签订地点：" + orBlank(c.Place)},
	}
	for _, p := range pairs {
		d.text(marginX, d.y, contentW-60, p[0], alignLeft)
		d.text(marginX+half+30, d.y, half-30, p[1], alignLeft)
		d.y += d.lineH()
	}
	d.y += 1
	d.paragraph("经供需双方友好协商，根据《中华人民共和国民法典》及有关规定，签订本合同，共同遵守。", 0)
	d.y += 1

	d.heading("一、产品名称、牌号、规格、数量及金额")
	d.setSize(9)
	d.drawTable(contractTable(c.Lines))
	d.setSize(10)
	total, _ := linesTotal(c.Lines)
	d.y += 1
	d.paragraph("合计人民币（大写）："+capitalOf(total)+"　　（小写）："+yuanSign(total), 0)
	d.y += 1

	n := 2
	clause := func(title, body string) {
		d.paragraph(chineseOrdinal(n)+"、"+title+"："+body, 0)
		n++
	}
	clause("交货日期", date(c.DeliveryDate))
	clause("交货地点", orBlank(c.ShipTo))
	clause("运输方式及费用", orBlank(c.Transport))
	clause("付款方式", orBlank(c.PaymentTerms))
	if c.Weighing != "" {
		clause("计重方式", c.Weighing)
	}
	clauses := c.Clauses
	if clauses == nil {
		clauses = DefaultClauses()
	}
	for _, s := range clauses {
		d.paragraph(chineseOrdinal(n)+"、"+s, 0)
		n++
	}
	if c.Notes != "" {
		d.paragraph("备注："+c.Notes, 0)
	}
	d.y += 3
	d.signatures(
		signBlock{"供方（盖章）", c.Seller},
		signBlock{"需方（盖章）", c.Buyer},
	)
	return d.bytes()
}

func contractTable(lines []Line) *table {
	// A price per kg beside a weight in tonnes reads as per tonne: once
	// any line says what its price is per, every price cell says so.
	priceHead := "单价(元)"
	for _, l := range lines {
		if l.PriceUnit != "" {
			priceHead = "单价"
		}
	}
	t := &table{cols: []column{
		{head: "序号", align: alignCenter},
		{head: "牌号", align: alignLeft, wrap: true},
		{head: "品名", align: alignLeft, wrap: true},
		{head: "规格", align: alignLeft, wrap: true},
		{head: "数量", align: alignRight},
		{head: "单位", align: alignCenter},
		{head: "重量(吨)", align: alignRight},
		{head: priceHead, align: alignRight},
		{head: "金额(元)", align: alignRight},
	}}
	for i, l := range lines {
		t.rows = append(t.rows, []string{
			itoa(i + 1), l.Grade, l.Name, l.Spec, qty(l.Qty), l.Unit,
			tonnes(l.Weight), price(l, priceHead != "单价(元)"), yuan(l.Amount),
		})
	}
	total, weight := linesTotal(lines)
	t.total = []string{"合计", "", "", "", "", "", tonnes(weight), "", yuan(total)}
	return t
}

// price is a line's unit price, with what it is per when the table
// says so (元/吨 where a line does not say).
func price(l Line, per bool) string {
	if !per {
		return yuan(l.Price)
	}
	unit := l.PriceUnit
	if unit == "" {
		unit = "元/吨"
	}
	return yuan(l.Price) + unit
}

// heading writes a section title a little larger than the text.
func (d *pdfDoc) heading(s string) {
	size := d.size
	d.setSize(10.5)
	d.ensure(3 * d.lineH())
	d.line(s, alignLeft)
	d.setSize(size)
}

// signBlock is one party's signature and stamp box.
type signBlock struct {
	title string
	p     Party
}

// signatures draws the parties' boxes side by side, kept on one page.
func (d *pdfDoc) signatures(blocks ...signBlock) {
	d.setSize(9.5)
	rows := func(b signBlock) []string {
		return []string{
			b.title + "：" + b.p.Name,
			"地址：" + b.p.Address,
			"法定代表人或委托代理人：",
			"联系人：" + b.p.Contact,
			"电话：" + b.p.Phone + "　传真：" + b.p.Fax,
			"开户银行：" + b.p.Bank,
			"账号：" + b.p.Account,
			"税号：" + b.p.TaxID,
			"日期：" + date(time.Time{}),
		}
	}
	w := contentW / float64(len(blocks))
	var wrapped [][]string
	n := 0
	for _, b := range blocks {
		var ls []string
		for _, r := range rows(b) {
			ls = append(ls, d.wrap(r, w-4)...)
		}
		wrapped = append(wrapped, ls)
		n = max(n, len(ls))
	}
	h := float64(n)*(d.lineH()+0.6) + 4
	d.ensure(h)
	for i, ls := range wrapped {
		x := marginX + float64(i)*w
		d.box(x, d.y, w, h)
		for j, l := range ls {
			d.text(x+2, d.y+2+float64(j)*(d.lineH()+0.6), w-4, l, alignLeft)
		}
	}
	d.y += h
}
