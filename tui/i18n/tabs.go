package i18n

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
