package workflow

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/width"
)

// Mnemonic derives a 助记码 from a Chinese name: the first letter of each
// character's pinyin, with Latin letters and digits kept as they are
// (沈阳钢铁有限公司 → SYGTYXGS, 鞍钢Q235 → AGQ235). A clerk types it to
// find a record without an input method.
func Mnemonic(name string) string {
	args := pinyin.NewArgs()
	args.Style = pinyin.FirstLetter
	var b strings.Builder
	// An IME in full-width mode types Ｑ２３５: fold it to Q235 first.
	for _, r := range width.Narrow.String(name) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToUpper(r))
		case initialOverrides[r] != 0:
			b.WriteRune(initialOverrides[r])
		case unicode.Is(unicode.Han, r):
			if py := pinyin.SinglePinyin(r, args); len(py) > 0 && py[0] != "" {
				b.WriteString(strings.ToUpper(py[0][:1]))
			}
		}
		if b.Len() >= 20 {
			break
		}
	}
	return b.String()
}

// initialOverrides fix characters whose most common reading is not the
// one company and product names use: 热轧 (zha), 长春 (chang), 厦门
// (xia), 商行 (hang).
var initialOverrides = map[rune]rune{'轧': 'Z', '长': 'C', '厦': 'X', '行': 'H'}
