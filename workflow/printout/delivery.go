package printout

import (
	"time"

	"orderdesk/store"
)

// DeliveryNote is a delivery note (发货单): one shipment of an order,
// possibly part of it (分单).
type DeliveryNote struct {
	Number          string    // note number
	OrderNumber     string    // the order (contract) it ships
	Date            time.Time // date of the note
	Seller          Party     // the company shipping
	Customer        Party     // the buyer, full legal name, contact and phone
	ShipTo          string    // delivery address
	Receiver        string    // who takes the goods there, with phone; empty: Customer.Contact and Phone
	Lines           []DeliveryLine
	Carrier         string    // 承运单位
	Vehicle         string    // 车号
	Driver          string    // driver's name and phone
	ShipTime        time.Time // when loaded and gone
	ExpectedArrival time.Time
	Notes           string
	MadeBy          string // the clerk who drafted it (制单)
	CheckedBy       string // who signed it off (审核)
}

// DeliveryLine is one line of a delivery note: what the order asked for
// and what was actually loaded (which may differ slightly).
type DeliveryLine struct {
	Grade      string
	Name       string
	Spec       string
	Unit       string
	OrderedQty store.Milli // quantity on this note as drafted, in Unit
	OrderedWt  store.Milli // tonnes
	LoadedQty  store.Milli // as verified by the warehouse; zero until loaded
	LoadedWt   store.Milli // tonnes
	Remark     string
}

// DeliveryCopy is one of the three copies a note is printed in.
type DeliveryCopy struct {
	Label string // 物流联 …
	For   string // who keeps it
}

// DeliveryCopies are the three labelled copies, in print order: the
// carrier's, the desk's and finance's.
func DeliveryCopies() []DeliveryCopy {
	return []DeliveryCopy{
		{Label: "物流联", For: "承运方留存"},
		{Label: "内勤联", For: "销售内勤留存"},
		{Label: "财务联", For: "财务留存"},
	}
}

// receiver is who takes the goods: the note's receiver or the customer's
// contact.
func (n DeliveryNote) receiver() string {
	if n.Receiver != "" {
		return n.Receiver
	}
	return joinNonEmpty(" ", n.Customer.Contact, n.Customer.Phone)
}

// deliveryTotals adds the weights, and the quantities when every line
// counts in the same unit (tonnes and pieces do not add up).
func deliveryTotals(lines []DeliveryLine) (oq, ow, lq, lw store.Milli, sameUnit bool) {
	sameUnit = true
	for _, l := range lines {
		sameUnit = sameUnit && l.Unit == lines[0].Unit
		oq += l.OrderedQty
		ow += l.OrderedWt
		lq += l.LoadedQty
		lw += l.LoadedWt
	}
	return
}

// DeliveryPDF renders the note three times, once per copy, each copy on
// its own page(s) with its label at the top and in the footer.
func DeliveryPDF(n DeliveryNote) ([]byte, error) {
	d, err := newPDF("发货单 " + n.Number)
	if err != nil {
		return nil, err
	}
	for i, c := range DeliveryCopies() {
		d.deliveryCopy(n, i+1, c)
	}
	return d.bytes()
}

func (d *pdfDoc) deliveryCopy(n DeliveryNote, seq int, c DeliveryCopy) {
	label := "第" + chineseOrdinal(seq) + "联 " + c.Label + "（" + c.For + "）"
	d.startSection("发货单 " + n.Number + "  " + label)
	d.continued = func() {
		d.setSize(9)
		d.text(marginX, d.y, contentW, "发货单（续）  "+n.Number, alignLeft)
		d.text(marginX, d.y, contentW, label, alignRight)
		d.y += d.lineH() + 1
	}
	top := d.y
	d.setSize(12)
	d.line(n.Seller.Name, alignCenter)
	d.setSize(20)
	d.line("发 货 单", alignCenter)
	// The copy's label, boxed at the top right, big enough to sort by.
	d.setSize(14)
	w := d.width(c.Label) + 6
	d.box(marginX+contentW-w, top, w, d.lineH()+2)
	d.text(marginX+contentW-w, top+1, w, c.Label, alignCenter)
	d.setSize(8)
	d.text(marginX+contentW-w-20, top+d.lineH()*2.4, w+20, "第"+chineseOrdinal(seq)+"联 "+c.For, alignRight)
	d.y += 2

	d.setSize(10)
	d.fieldGrid([][2]string{
		{"发货单号：" + n.Number, "订单号：" + n.OrderNumber},
		{"客户：" + n.Customer.Name, "日期：" + date(n.Date)},
		{"收货地址：" + orBlank(n.ShipTo), "收货人：" + orBlank(n.receiver())},
	})
	d.y += 1
	d.setSize(9)
	d.drawTable(deliveryTable(n.Lines))
	d.y += 2
	d.setSize(10)
	d.fieldGrid([][2]string{
		{"承运单位：" + orBlank(n.Carrier), "车号：" + orBlank(n.Vehicle)},
		{"司机及电话：" + orBlank(n.Driver), "发货时间：" + dateTime(n.ShipTime)},
		{"", "预计到达：" + date(n.ExpectedArrival)},
	})
	if n.Notes != "" {
		d.paragraph("备注："+n.Notes, 0)
	}
	d.y += 4
	d.ensure(3 * d.lineH())
	d.fieldGrid([][2]string{
		{"制单：" + orBlank(n.MadeBy), "审核：" + orBlank(n.CheckedBy)},
		{"仓库发货（签字）：________________", "承运人（签字）：________________"},
		{"日期：" + date(time.Time{}), "日期：" + date(time.Time{})},
		{"", ""},
		{"收货人（签字盖章）：________________", "收货日期：" + date(time.Time{})},
	})
	d.continued = nil
}

// fieldGrid writes label-value pairs in two columns, the right one
// starting at 60% of the width; a long value wraps in its column.
func (d *pdfDoc) fieldGrid(rows [][2]string) {
	split := contentW * 0.6
	for _, r := range rows {
		left := d.wrap(r[0], split-4)
		right := d.wrap(r[1], contentW-split)
		n := max(len(left), len(right))
		d.ensure(float64(n) * d.lineH())
		for i := range n {
			if i < len(left) {
				d.text(marginX, d.y, split-4, left[i], alignLeft)
			}
			if i < len(right) {
				d.text(marginX+split, d.y, contentW-split, right[i], alignLeft)
			}
			d.y += d.lineH()
		}
	}
}

func deliveryTable(lines []DeliveryLine) *table {
	t := &table{cols: []column{
		{head: "序号", align: alignCenter},
		{head: "牌号", align: alignLeft, wrap: true},
		{head: "品名", align: alignLeft, wrap: true},
		{head: "规格", align: alignLeft, wrap: true},
		{head: "单位", align: alignCenter},
		{head: "应发数量", align: alignRight},
		{head: "应发重量(吨)", align: alignRight},
		{head: "实发数量", align: alignRight},
		{head: "实发重量(吨)", align: alignRight},
		{head: "备注", align: alignLeft, wrap: true},
	}}
	for i, l := range lines {
		t.rows = append(t.rows, []string{
			itoa(i + 1), l.Grade, l.Name, l.Spec, l.Unit,
			qty(l.OrderedQty), tonnes(l.OrderedWt), loaded(qty(l.LoadedQty), l), loaded(tonnes(l.LoadedWt), l), l.Remark,
		})
	}
	t.total = deliveryTotalRow(lines)
	return t
}

// loaded leaves the loaded figures blank until the warehouse has
// verified them, for the loader to write in.
func loaded(s string, l DeliveryLine) string {
	if l.LoadedQty == 0 && l.LoadedWt == 0 {
		return ""
	}
	return s
}

// deliveryTotalRow is the 合计 row: weights always, quantities when they
// add up, loaded figures once anything is loaded.
func deliveryTotalRow(lines []DeliveryLine) []string {
	oq, ow, lq, lw, same := deliveryTotals(lines)
	oqs, ows, lqs, lws := qty(oq), tonnes(ow), qty(lq), tonnes(lw)
	if !same {
		oqs, lqs = "", ""
	}
	if lq == 0 && lw == 0 {
		lqs, lws = "", ""
	}
	return []string{"合计", "", "", "", "", oqs, ows, lqs, lws, ""}
}
