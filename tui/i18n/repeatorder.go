package i18n

// repeatOrder are the words of the repeat-order call: a copy's prices
// against today's list, a line filled from the catalogue.
var repeatOrder = map[string]Text{
	"orders.key.today":      {"用今日价", "today's prices"},
	"orders.prices_changed": {"%d 行价格与今日价目表不同:ctrl+t 用今日价", "%d line(s) priced otherwise than today's list: ctrl+t takes today's"},
	"orders.price_today":    {"今日价目表 ¥%s(原 ¥%s)· ctrl+t 用今日价", "today's list ¥%s (was ¥%s) · ctrl+t takes today's"},
	"orders.prices_taken":   {"%d 行已改为今日价目表价格", "%d line(s) now at today's list price"},
}
