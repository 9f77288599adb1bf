package workflow

import "unicode/utf8"

// wordInitials are the pinyin initials of words whose characters, read
// one by one, take another reading: a polyphonic character reads as the
// word it is in, not as its most common reading alone, so 行 is H in 银行
// and X in 行车, 重 is C in 重庆 and Z in 重工. Place names and the words of
// company and product names; the longest word wins.
var wordInitials = map[string]string{
	// Places.
	"重庆": "CQ", "西藏": "XZ", "厦门": "XM", "长春": "CC", "长沙": "CS", "长治": "CZ", "长江": "CJ",
	"长城": "CC", "长安": "CA", "长兴": "CX", "长宁": "CN", "长白": "CB", "长海": "CH", "朝阳": "CY",
	"朝鲜": "CX", "六安": "LA", "蚌埠": "BB", "漯河": "LH", "番禺": "PY", "单县": "SX", "乐亭": "LT",
	// Peoples in the names of autonomous places.
	"藏族": "ZZ",
	// Steel: rolled (轧 zha), not pressed (ya).
	"热轧": "RZ", "冷轧": "LZ", "轧钢": "ZG", "轧制": "ZZ", "轧材": "ZC", "轧辊": "ZG", "轧机": "ZJ",
	"热轧板": "RZB", "冷轧板": "LZB",
	// Trades: a shop or bank (行 hang), not going (xing).
	"银行": "YH", "商行": "SH", "车行": "CH", "分行": "FH", "支行": "ZH", "总行": "ZH", "行业": "HY",
	"琴行": "QH", "洋行": "YH", "同行": "TH", "车马行": "CMH", "五金行": "WJH", "电器行": "DQH",
	"行车": "XC", "发行": "FX", "行政": "XZ", "银行卡": "YHK",
	// Heavy (重 zhong) and other words read as the character reads alone
	// are left to the dictionary.
	"重工": "ZG", "重型": "ZX", "重钢": "ZG",
	"长度": "CD", "长期": "CQ", "长材": "CC", "厂长": "CZ", "董事长": "DSZ",
	"单位": "DW", "单价": "DJ",
}

// maxWordRunes is the longest word in wordInitials, in characters.
var maxWordRunes = func() int {
	n := 0
	for w := range wordInitials {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}()

// wordAt returns the initials and length of the longest word of
// wordInitials that starts rs, or "", 0.
func wordAt(rs []rune) (string, int) {
	for n := min(maxWordRunes, len(rs)); n >= 2; n-- {
		if in, ok := wordInitials[string(rs[:n])]; ok {
			return in, n
		}
	}
	return "", 0
}
