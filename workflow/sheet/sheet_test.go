package sheet

import (
	"errors"
	"reflect"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestReadCSVInUTF8AndGBK(t *testing.T) {
	const text = "客户名称,电话\n沈阳钢铁,024-1234567\n\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"客户名称", "电话"}, {"沈阳钢铁", "024-1234567"}}
	for _, tc := range []struct {
		name, data, enc string
	}{
		{"utf-8", text, UTF8},
		{"utf-8 with a BOM", "\xef\xbb\xbf" + text, UTF8},
		{"gbk", gbk, GBK},
	} {
		s, err := Read("f.csv", []byte(tc.data))
		if err != nil || s.Encoding != tc.enc || !reflect.DeepEqual(s.Rows, want) {
			t.Errorf("%s: %q %s %v", tc.name, s.Rows, s.Encoding, err)
		}
	}
	if _, err := Read("f.csv", []byte{0xff, 0xfe, 0x00, 0x81}); !errors.Is(err, ErrEncoding) {
		t.Errorf("neither UTF-8 nor GBK: %v", err)
	}
	if _, err := Read("f.xls", []byte(text)); !errors.Is(err, ErrFormat) {
		t.Errorf("an .xls: %v", err)
	}
	if _, err := Read("f.csv", []byte("\n\n")); !errors.Is(err, ErrEmpty) {
		t.Errorf("no rows: %v", err)
	}
}

func TestTemplateReadsBack(t *testing.T) {
	data, err := Template("客户", []string{"客户名称", "电话", "信用额度"}, []string{"沈阳钢铁", "024-1234567", "500000.10"})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Read("t.xlsx", data)
	want := [][]string{{"客户名称", "电话", "信用额度"}, {"沈阳钢铁", "024-1234567", "500000.10"}}
	if err != nil || !reflect.DeepEqual(s.Rows, want) {
		t.Fatalf("%q %v", s.Rows, err)
	}
}

func TestCellsAsTyped(t *testing.T) {
	for in, want := range map[string]string{
		"4350.5599999999999": "4350.56", "0.30000000000000004": "0.3", "4350.5": "4350.5", "1,234.5": "1,234.5", "abc": "abc",
	} {
		if got := Number(in, 2); got != want {
			t.Errorf("Number(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"46357": "2026-12-01", "46357.0": "2026-12-01", "2026-12-01": "2026-12-01", "20261201": "20261201", "12": "12"} {
		if got := Day(in); got != want {
			t.Errorf("Day(%q) = %q, want %q", in, got, want)
		}
	}
}
