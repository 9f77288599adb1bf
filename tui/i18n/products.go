package i18n

var products = map[string]Text{
	"products.col.grade":              {"牌号", "grade"},
	"products.col.name":               {"品名", "product"},
	"products.col.spec":               {"规格", "spec"},
	"products.col.unit":               {"单位", "unit"},
	"products.col.unit_weight":        {"单重(kg)", "kg/piece"},
	"products.col.mnemonic":           {"助记码", "mnemonic"},
	"products.field.grade":            {"牌号", "Grade (牌号)"},
	"products.field.name":             {"品名", "Product name"},
	"products.field.spec":             {"规格", "Spec (规格)"},
	"products.field.unit":             {"计量单位", "Unit"},
	"products.field.unit_weight":      {"单重(千克/件)", "Weight per piece (kg)"},
	"products.field.unit_weight_hint": {"按件销售时填写,最多三位小数", "for products sold by the piece; up to three decimals"},
	"products.field.mnemonic":         {"助记码", "Mnemonic code"},
	"products.field.mnemonic_hint":    {"留空则按品名拼音首字母生成", "leave blank to derive it from the name's pinyin"},
	"products.new":                    {"新建产品", "New product"},
	"products.edit":                   {"编辑产品 %s", "Edit product %s"},
	"products.form_hint":              {"enter 下一项 · shift+tab 上一项 · ctrl+s 保存 · esc 取消", "enter next · shift+tab previous · ctrl+s save · esc cancel"},
	"products.saved":                  {"产品已保存", "product saved"},
	"products.voided":                 {"产品已作废", "product voided"},
	"products.void_confirm":           {"作废 %s?enter 确认,esc 取消", "void %s? enter to confirm, esc to cancel"},
}
