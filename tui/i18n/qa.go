package i18n

// qa are words added while walking the desk end to end as the office
// would (fixes found in use).
var qa = map[string]Text{
	"field.date_order.delivery_date": {"交货日期不能早于订单日期", "the delivery date is before the order date"},
	"cli.print.no_company":           {"注意:未设置本公司名称(company.name),合同的供方为空", "note: company.name is not set: the contract's seller is blank"},
	"orders.printed_no_company":      {"合同已写入 %s,但未设置本公司名称(company.name),供方为空", "contract written to %s, but company.name is not set: the seller is blank"},
}

// tabShort are the tabs' short titles, used only where the whole ones do
// not fit the window.
var tabShort = map[string]Text{
	"tab.customers":      {"客户", "Cust"},
	"tab.inquiries":      {"询价", "Inq"},
	"tab.pricing":        {"报价", "Quote"},
	"tab.price_list":     {"价目", "Price"},
	"tab.orders":         {"订单", "Order"},
	"tab.shipping":       {"发货", "Ship"},
	"tab.invoices":       {"发票", "Inv"},
	"tab.reconciliation": {"对账", "Recon"},
	"tab.review":         {"待审", "Review"},
	"tab.products":       {"产品", "Prod"},
	"tab.users":          {"用户", "Users"},
}
