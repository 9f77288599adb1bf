package printout

import (
	"errors"
	"math"
	"testing"

	"orderdesk/store"
)

func TestCapitalAmount(t *testing.T) {
	tests := []struct {
		fen  store.Money
		want string
	}{
		{0, "零元整"},
		{1, "壹分"},
		{5, "伍分"},
		{10, "壹角整"},
		{25, "贰角伍分"},
		{50, "伍角整"},
		{100, "壹元整"},
		{1000, "壹拾元整"},
		{1005, "壹拾元零伍分"},
		{1050, "壹拾元伍角整"},
		{1100, "壹拾壹元整"},
		{32504, "叁佰贰拾伍元零肆分"},
		{140950, "壹仟肆佰零玖元伍角整"},
		{600714, "陆仟零柒元壹角肆分"},
		{168032, "壹仟陆佰捌拾元叁角贰分"},
		{1640902, "壹万陆仟肆佰零玖元零贰分"},
		{1234560, "壹万贰仟叁佰肆拾伍元陆角整"},
		{1000000, "壹万元整"},
		{1000500, "壹万零伍元整"},
		{10000000, "壹拾万元整"},
		{10700053, "壹拾万柒仟元伍角叁分"},
		{10001005, "壹拾万零壹拾元零伍分"},
		{100000000, "壹佰万元整"},
		{100500000, "壹佰万伍仟元整"},
		{1000000000, "壹仟万元整"},
		{1001000000, "壹仟零壹万元整"},
		{10000000000, "壹亿元整"},
		{10000000100, "壹亿零壹元整"},
		{10001000000, "壹亿零壹万元整"},
		{11000000000, "壹亿壹仟万元整"},
		{12345678901, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分"},
		{100000000000000, "壹万亿元整"},
		{100020000000000, "壹万零贰亿元整"},
		{100000000000000000 - 1, "玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"},
		{math.MaxInt64, "玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分"},
	}
	for _, tt := range tests {
		got, err := CapitalAmount(tt.fen)
		if err != nil {
			t.Errorf("CapitalAmount(%s): %v", tt.fen, err)
			continue
		}
		if got != tt.want {
			t.Errorf("CapitalAmount(%s) = %s, want %s", tt.fen, got, tt.want)
		}
	}
}

func TestCapitalAmountRefusesNegative(t *testing.T) {
	for _, m := range []store.Money{-1, -100, math.MinInt64} {
		if got, err := CapitalAmount(m); !errors.Is(err, ErrNegativeAmount) {
			t.Errorf("CapitalAmount(%d) = %q, %v; want ErrNegativeAmount", m, got, err)
		}
	}
}
