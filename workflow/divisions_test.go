package workflow

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode"
)

// division is one line of testdata/divisions.tsv.
type division struct {
	level, province, name, proper, pinyin string
}

func divisions(t *testing.T) []division {
	t.Helper()
	f, err := os.Open("testdata/divisions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []division
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 5 {
			t.Fatalf("bad line %q", line)
		}
		out = append(out, division{p[0], p[1], p[2], p[3], p[4]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// initials are the first letters of the pinyin's syllables: "chong qing"
// → CQ, "lü liang" → LL.
func initials(pinyin string) string {
	var b strings.Builder
	for _, syl := range strings.Fields(pinyin) {
		b.WriteRune(unicode.ToUpper([]rune(syl)[0]))
	}
	return b.String()
}

// TestCityInitialsOfEveryDivision: the city part of an order number is
// the initials of the official pinyin of every provincial- and
// prefecture-level division of China, named as a customer file names it
// (大连, 大连市; a prefecture 阿克苏地区, a league 兴安盟; a municipality
// 重庆 as its own city).
func TestCityInitialsOfEveryDivision(t *testing.T) {
	ds := divisions(t)
	if n := len(ds); n != 34+333 {
		t.Fatalf("%d divisions, want 34 provincial and 333 prefectural", n)
	}
	for _, d := range ds {
		want := initials(d.pinyin)
		names := []string{d.proper}
		if d.level == "prefecture" && !strings.HasSuffix(d.name, "自治州") {
			names = append(names, d.name) // 沈阳市, 阿克苏地区, 兴安盟
		}
		if d.level == "province" && strings.HasSuffix(d.name, "市") {
			names = append(names, d.name) // a municipality is its own city
		}
		for _, n := range names {
			if got := CityInitials(n); got != want {
				t.Errorf("%s (%s, %s): %s, want %s", n, d.province, d.pinyin, got, want)
			}
		}
	}
}

// TestProvinceCodesOfEveryProvince: every province, named in full or
// short, has its code.
func TestProvinceCodesOfEveryProvince(t *testing.T) {
	for _, d := range divisions(t) {
		if d.level != "province" {
			continue
		}
		full, short := ProvinceCode(d.name), ProvinceCode(d.proper)
		if full == "" || full != short {
			t.Errorf("%s: %q, %s: %q", d.name, full, d.proper, short)
		}
	}
}
