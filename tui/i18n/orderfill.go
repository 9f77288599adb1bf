package i18n

// orderFill are the words of an order's fulfilment per line: shipped,
// on notes, open, invoiced and open to invoice (issues 6 and 7).
var orderFill = map[string]Text{
	"orders.restored": {"已恢复上次未保存的订单录入(%s)", "restored the order as typed before (%s)"},

	"orders.key.withdraw_submitted": {"撤回送审(订单作废)", "withdraw from sign-off (order void)"},

	"orders.fill.title":      {"执行情况(数量按各行单位,重量为吨)", "Fulfilment (quantities in each line's unit, weights in t)"},
	"orders.fill.ordered":    {"订货", "Ordered"},
	"orders.fill.shipped":    {"已发", "Shipped"},
	"orders.fill.shipped_wt": {"已发(吨)", "Ship t"},
	"orders.fill.on_notes":   {"发货单中", "On notes"},
	"orders.fill.open":       {"未开单", "Open"},
	"orders.fill.open_wt":    {"未开(吨)", "Open t"},
	"orders.fill.invoiced":   {"已开票", "Invoiced"},
	"orders.fill.to_invoice": {"待开票", "To inv."},
}
