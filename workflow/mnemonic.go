package workflow

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Mnemonic derives a 助记码 from a Chinese name: the first letter of each
// character's pinyin, with Latin letters and digits kept as they are
// (沈阳钢铁有限公司 → SYGTYXGS, 鞍钢Q235 → AGQ235), words read as words
// (wordInitials). A clerk types it to find a record without an input
// method.
func Mnemonic(name string) string {
	var b strings.Builder
	// An IME in full-width mode types Ｑ２３５: fold it to Q235 first.
	rs := []rune(width.Narrow.String(name))
	for i := 0; i < len(rs) && b.Len() < 20; i++ {
		r := rs[i]
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToUpper(r))
		case unicode.Is(unicode.Han, r):
			// Read by word: a polyphonic character takes the reading of
			// the word it is in (重庆 CQ, 银行 YH, 行车 XC).
			if in, n := wordAt(rs[i:]); n > 0 {
				b.WriteString(in)
				i += n - 1
			} else if c := pinyinInitial(r); c != 0 {
				b.WriteByte(c)
			}
		}
	}
	s := b.String()
	if len(s) > 20 {
		s = s[:20]
	}
	return s
}
