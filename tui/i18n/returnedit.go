package i18n

// returnEdit are the words of a drafted return, or a drafted credit,
// typed over before it is submitted.
var returnEdit = map[string]Text{
	"returns.edit_title": {"修改退货单 %s · 发货单 %s · 订单 %s · %s", "Edit return %s · note %s · order %s · %s"},
	"returns.edited":     {"退货单已修改", "return saved as edited"},

	"invoices.key.edit_credit":   {"修改红字", "edit drafted credit"},
	"invoices.credit_edit_title": {"修改红字发票 %s  原票 %s  可冲红 %s", "Edit credit %s of invoice %s  up to %s"},
	"invoices.credit_edited":     {"红字发票已修改并提交复核", "credit saved as edited and submitted for check"},
}
