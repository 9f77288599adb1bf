package i18n_test

import (
	"testing"
	"unicode"

	"orderdesk/tui/i18n"
)

// englishKeepsHan are the English texts that show Chinese on purpose:
// an example of what to type, or the word printed on the paperwork.
var englishKeepsHan = map[string]bool{
	"inquiries.lookup_holder":      true, // e.g. sygt or 沈阳
	"customers.form.mnemonic_help": true, // e.g. 沈阳钢铁有限公司 → SYGTYXGS
	"products.field.grade":         true, // Grade (牌号)
	"products.field.spec":          true, // Spec (规格)
	"orders.key.sign_back":         true, // sign-back (回传)
}

// The English catalogue is English: a reader without Chinese saw
// "招商" as a lead's source and "助记码" in hints and messages.
func TestEnglishTextsHaveNoChineseLeft(t *testing.T) {
	for _, k := range i18n.Keys() {
		if englishKeepsHan[k] {
			continue
		}
		txt, _ := i18n.Lookup(k)
		for _, r := range txt.En {
			if unicode.Is(unicode.Han, r) {
				t.Errorf("%s: English text %q has Chinese", k, txt.En)
				break
			}
		}
	}
}
