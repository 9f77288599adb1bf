package i18n

// heldForms are the words the document-screen kit says of a form.
var heldForms = map[string]Text{
	"form.key.next_field": {"下一项", "next field"},
	"form.key.prev_field": {"上一项", "previous field"},
	"form.saving":         {"保存中…", "saving…"},
	"form.discard_ask":    {"放弃已录入的内容?再按 esc 放弃,其他键继续录入", "discard what was typed? esc again discards, any other key goes on typing"},
}
