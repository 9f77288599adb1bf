package printout

import "orderdesk/store"

// Party is one side of a document: the company printing it (the seller,
// 供方) or its customer (需方). Empty fields print as blanks to fill by
// hand.
type Party struct {
	Name    string // full legal name, as on the stamp
	Address string
	Contact string // the person to talk to
	Phone   string
	Fax     string
	TaxID   string // 统一社会信用代码 / 税号
	Bank    string // 开户行
	Account string // bank account number
}

// Line is one product line of a contract: quantity in its unit and
// weight in tonnes. Amount is the line total as the order holds it
// (workflow has checked price × weight against it); printouts never
// recompute it.
type Line struct {
	Grade  string      // 牌号, e.g. Q235B
	Name   string      // 品名, e.g. 热轧钢板
	Spec   string      // 规格, e.g. 10×1500×6000
	Qty    store.Milli // in Unit
	Unit   string      // t, kg, 支, 件 …
	Weight store.Milli // tonnes (thousandths: kg)
	Price  store.Money // unit price, fen per tonne (or per Unit where priced so)
	Amount store.Money // line total, fen
	// PriceUnit is what the price is per, as printed: 元/吨, 元/千克,
	// 元/支 … ("" prints the bare figure under 单价(元), as before).
	PriceUnit string
}

// linesTotal adds the lines' amounts and weights as printed.
func linesTotal(lines []Line) (store.Money, store.Milli) {
	var m store.Money
	var w store.Milli
	for _, l := range lines {
		m += l.Amount
		w += l.Weight
	}
	return m, w
}
