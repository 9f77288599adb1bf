package printout

import (
	"fmt"
	"time"

	"orderdesk/store"
)

func seller() Party {
	return Party{
		Name: "沈阳恒信钢铁贸易有限公司", Address: "辽宁省沈阳市铁西区北二路12号",
		Contact: "王丽", Phone: "024-25123456", Fax: "024-25123457",
		TaxID: "91210106MA0XXXXXX1", Bank: "中国工商银行沈阳铁西支行", Account: "3301 0200 0920 0123 456",
	}
}

func buyer() Party {
	return Party{
		Name: "鞍山恒达重工机械有限公司", Address: "辽宁省鞍山市铁东区建国大道88号",
		Contact: "张建国", Phone: "13904120001", TaxID: "91210300MA0YYYYYY2",
		Bank: "中国建设银行鞍山分行", Account: "2105 0166 3600 0000 0888",
	}
}

var products = []Line{
	{Grade: "Q235B", Name: "热轧钢板", Spec: "10×1500×6000", Unit: "t", Price: 412000},
	{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t", Price: 438050},
	{Grade: "20#", Name: "无缝钢管", Spec: "219×8", Unit: "支", Price: 525000},
	{Grade: "304", Name: "不锈钢冷轧板", Spec: "2.0×1219×2438 2B面 覆膜", Unit: "张", Price: 1560000},
	{Grade: "Q355B", Name: "H型钢", Spec: "HW300×300×10×15", Unit: "t", Price: 398000},
}

// contractLines makes n lines cycling through the products, with
// amounts = price × weight rounded as the store does.
func contractLines(n int) []Line {
	out := make([]Line, n)
	for i := range out {
		l := products[i%len(products)]
		l.Weight = store.Milli(12345 + 1000*i)
		l.Qty = l.Weight
		if l.Unit != "t" {
			l.Qty = store.Milli(1000 * (3 + i))
		}
		l.Amount = l.Price.Mul(l.Weight)
		out[i] = l
	}
	return out
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.Local) }

func sampleContract(lines int) Contract {
	return Contract{
		Number: "LNSYNO.0001", Date: day(2026, 12, 1), Place: "辽宁省沈阳市铁西区",
		Seller: seller(), Buyer: buyer(), Lines: contractLines(lines),
		DeliveryDate: day(2026, 12, 15), ShipTo: "辽宁省鞍山市铁东区建国大道88号 恒达重工二号库 张建国 13904120001",
		Transport: "供方汽运送货至需方指定地点，运费由供方承担", PaymentTerms: "月结30天，电汇",
		Notes: fmt.Sprint("板材按理计交货。"),
	}
}

func sampleDelivery(lines int) DeliveryNote {
	n := DeliveryNote{
		Number: "FH202612-0007", OrderNumber: "LNSYNO.0001", Date: day(2026, 12, 3),
		Seller: seller(), Customer: buyer(),
		ShipTo: "辽宁省鞍山市铁东区建国大道88号 恒达重工二号库", Receiver: "张建国 13904120001",
		Carrier: "沈阳顺达物流有限公司", Vehicle: "辽A·5K321", Driver: "李师傅 13840001234",
		ShipTime:        time.Date(2026, 12, 3, 14, 30, 0, 0, time.Local),
		ExpectedArrival: day(2026, 12, 4),
		Notes:           "分单第1批，余量下周发。", MadeBy: "王丽", CheckedBy: "赵主管",
	}
	for i, l := range contractLines(lines) {
		dl := DeliveryLine{Grade: l.Grade, Name: l.Name, Spec: l.Spec, Unit: l.Unit,
			OrderedQty: l.Qty, OrderedWt: l.Weight, LoadedQty: l.Qty, LoadedWt: l.Weight + store.Milli(7*(i%3)-7)}
		if l.Unit == "t" {
			dl.LoadedQty = dl.LoadedWt
		}
		if i == 1 {
			dl.Remark = "磅差"
		}
		n.Lines = append(n.Lines, dl)
	}
	return n
}

func sampleStatement() Statement {
	return Statement{
		Number: "DZ202611-0042", Seller: seller(), Customer: buyer(), Year: 2026, Month: time.November,
		Opening: 12000000, Date: day(2026, 12, 2), ReplyBy: day(2026, 12, 10),
		Lines: []StatementLine{
			{Date: day(2026, 11, 3), Ref: "FH202611-0003", Summary: "发货 Q235B 热轧钢板 30.000吨", Shipped: 12360000},
			{Date: day(2026, 11, 5), Ref: "HK202611-0011", Summary: "电汇回款", Received: 10000000},
			{Date: day(2026, 11, 8), Ref: "FP00012345", Summary: "开具增值税专用发票", Invoiced: 12360000},
			{Date: day(2026, 11, 20), Ref: "FH202611-0019", Summary: "发货 45# 圆钢 Φ50 10.000吨", Shipped: 4380500},
			{Date: day(2026, 11, 28), Ref: "HK202611-0040", Summary: "银行承兑汇票回款", Received: 5000000},
		},
	}
}

func sampleLetter() OverdueLetter {
	st := sampleStatement()
	return OverdueLetter{
		Number: "YQ2026-0005", Date: day(2026, 12, 2), Seller: seller(), Customer: buyer(),
		PayBy: day(2026, 12, 12), Statement: &st,
		Invoices: []OverdueInvoice{
			{Number: "FP00011001", OrderNumber: "LNASNO.0031", Date: day(2026, 9, 20), Due: day(2026, 10, 20), Amount: 8650000, Paid: 3000000},
			{Number: "FP00011377", OrderNumber: "LNASNO.0035", Date: day(2026, 10, 1), Due: day(2026, 10, 31), Amount: 4380500},
		},
	}
}
