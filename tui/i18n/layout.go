package i18n

// layout is the words of the help box that scrolls in a small window.
var layout = map[string]Text{
	"help.scroll": {"第 %d–%d 行，共 %d 行 · ↓/pgdn 翻看", "lines %d–%d of %d · ↓/pgdn for more"},
}
