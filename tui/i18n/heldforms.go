package i18n

// heldForms are the words the document-screen kit says of a form.
var heldForms = map[string]Text{
	"form.key.next_field": {"下一项", "next field"},
	"form.key.prev_field": {"上一项", "previous field"},
	"form.saving":         {"保存中…", "saving…"},
	"form.discard_ask":    {"再按 esc 放弃所填内容", "esc again discards what was typed"},
}
