package printout

import (
	"errors"
	"strings"

	"orderdesk/store"
)

// ErrNegativeAmount refuses a negative amount in capitals: a document
// words a credit ("we owe you") itself and prints the amount's magnitude.
var ErrNegativeAmount = errors.New("printout: negative amount has no capital form")

var capitalDigits = [10]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}

// capitalUnits are the places inside a group of four digits.
var capitalUnits = [4]string{"", "拾", "佰", "仟"}

// CapitalAmount writes an amount in Chinese capital numerals (大写金额)
// the way banks and accountants require:
//
//   - one 零 stands for a run of zeros between non-zero digits
//     (¥6,007.14 → 陆仟零柒元壹角肆分); it is left out where the
//     rules make it optional, at a zero 万 or 元 place followed by a
//     non-zero 仟 or 角 (¥107,000.53 → 壹拾万柒仟元伍角叁分);
//   - 零 is required after 元 when 角 is zero and 分 is not
//     (¥325.04 → 叁佰贰拾伍元零肆分);
//   - 整 ends an amount without 分 (¥10.00 → 壹拾元整, ¥12,345.60 →
//     壹万贰仟叁佰肆拾伍元陆角整); a 拾 is always written with its 壹;
//   - less than a yuan starts at 角 or 分 (¥0.05 → 伍分), nothing is
//     零元整;
//   - groups above 亿 nest (万万 is 亿): ¥1,000,000,000,000.00 →
//     壹万亿元整, so every int64 amount has a form.
func CapitalAmount(m store.Money) (string, error) {
	if m < 0 {
		return "", ErrNegativeAmount
	}
	yuan, jiao, fen := uint64(m)/100, uint64(m)/10%10, uint64(m)%10
	var b strings.Builder
	if yuan > 0 {
		b.WriteString(capitalInteger(yuan))
		b.WriteString("元")
	}
	switch {
	case yuan == 0 && jiao == 0 && fen == 0:
		return "零元整", nil
	case jiao == 0 && fen == 0:
		b.WriteString("整")
	case jiao == 0:
		if yuan > 0 {
			b.WriteString("零")
		}
		b.WriteString(capitalDigits[fen] + "分")
	default:
		b.WriteString(capitalDigits[jiao] + "角")
		if fen == 0 {
			b.WriteString("整")
		} else {
			b.WriteString(capitalDigits[fen] + "分")
		}
	}
	return b.String(), nil
}

// capitalInteger writes n > 0: the part above 亿 (itself written the
// same way, so 亿亿 nests) and the part below it.
func capitalInteger(n uint64) string {
	if n < 1_0000_0000 {
		return capitalBelowYi(n)
	}
	return joinParts(capitalInteger(n/1_0000_0000)+"亿", n%1_0000_0000, 1000_0000, capitalBelowYi)
}

// capitalBelowYi writes 0 < n < 100,000,000 as 万 and the rest.
func capitalBelowYi(n uint64) string {
	if n < 1_0000 {
		return capitalGroup(n)
	}
	return joinParts(capitalGroup(n/1_0000)+"万", n%1_0000, 1000, capitalGroup)
}

// joinParts appends the lower part to the higher one, with 零 when the
// lower part leaves its top place (top) empty: 壹万零伍, 壹亿零壹万.
func joinParts(high string, low, top uint64, say func(uint64) string) string {
	switch {
	case low == 0:
		return high
	case low < top:
		return high + "零" + say(low)
	}
	return high + say(low)
}

// capitalGroup writes 0 < n < 10,000 with one 零 for each run of zeros
// between non-zero digits.
func capitalGroup(n uint64) string {
	var b strings.Builder
	zero := false
	for place, unit := 3, uint64(1000); place >= 0; place, unit = place-1, unit/10 {
		d := n / unit % 10
		if d == 0 {
			zero = b.Len() > 0
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		b.WriteString(capitalDigits[d] + capitalUnits[place])
	}
	return b.String()
}
