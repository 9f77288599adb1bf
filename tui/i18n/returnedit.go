package i18n

// returnEdit are the words of a drafted return typed over before it is
// submitted.
var returnEdit = map[string]Text{
	"returns.edit_title": {"修改退货单 %s · 发货单 %s · 订单 %s · %s", "Edit return %s · note %s · order %s · %s"},
	"returns.edited":     {"退货单已修改", "return saved as edited"},
}
