package workflow

import (
	"fmt"
	"strings"

	"orderdesk/store"
)

// OrderSeries says how order numbers are made: Pattern with {province}
// (the customer's province code, Province when it has none we know),
// {city} (the pinyin initials of the customer's city), {year} (the
// order date's year) and {seq} (the sequence, zero-padded to Digits).
// Each distinct pattern with province, city and year filled in is a
// series of its own, numbered 1, 2, 3 … without gaps.
type OrderSeries struct {
	Province string
	Pattern  string
	Digits   int
}

// DefaultOrderSeries follows the desk's paper: LNSYNO.0001 for a
// customer in 沈阳, Liaoning.
func DefaultOrderSeries() OrderSeries {
	return OrderSeries{Province: "LN", Pattern: "{province}{city}NO.{seq}", Digits: 4}
}

// Check refuses a series that cannot number orders.
func (s OrderSeries) Check() error {
	if strings.Count(s.Pattern, store.SeqMark) != 1 || s.Digits < 1 || s.Digits > 12 {
		return fmt.Errorf("%w: orders.series %q needs {seq} once and orders.digits between 1 and 12 (got %d)",
			&Refusal{Code: InvalidOrderSeries}, s.Pattern, s.Digits)
	}
	return nil
}

// SetOrderSeries sets how order numbers are made (config orders.*).
func (e *Engine) SetOrderSeries(s OrderSeries) error {
	if s.Province == "" {
		s.Province = DefaultOrderSeries().Province
	}
	if err := s.Check(); err != nil {
		return err
	}
	e.series = s
	return nil
}

// OrderSeries is how this engine numbers orders.
func (e *Engine) OrderSeries() OrderSeries { return e.series }

// SeriesFor is the series an order of customer c dated orderDate
// (YYYY-MM-DD) is numbered in: LNSYNO.{seq}.
func (s OrderSeries) SeriesFor(c store.Customer, orderDate string) string {
	prov := ProvinceCode(c.Province)
	if prov == "" {
		prov = strings.ToUpper(s.Province)
	}
	year := ""
	if len(orderDate) >= 4 {
		year = orderDate[:4]
	}
	return strings.NewReplacer("{province}", prov, "{city}", CityInitials(c.City), "{year}", year).Replace(s.Pattern)
}

// CityInitials are the pinyin initials of a city's name without its
// 市/地区/盟 suffix: 沈阳 → SY, 大连市 → DL, 鞍山 → AS, 锦州 → JZ.
func CityInitials(city string) string {
	city = CleanText(city, false)
	for _, suffix := range []string{"地区", "市", "盟"} {
		if strings.HasSuffix(city, suffix) && len([]rune(city)) > 2 {
			city = strings.TrimSuffix(city, suffix)
			break
		}
	}
	return Mnemonic(city)
}

// provinceCodes are the provinces' codes (ISO 3166-2:CN), by the name's
// first two characters, which tell every province apart.
var provinceCodes = map[string]string{
	"北京": "BJ", "天津": "TJ", "河北": "HE", "山西": "SX", "内蒙": "NM", "辽宁": "LN", "吉林": "JL", "黑龙": "HL",
	"上海": "SH", "江苏": "JS", "浙江": "ZJ", "安徽": "AH", "福建": "FJ", "江西": "JX", "山东": "SD", "河南": "HA",
	"湖北": "HB", "湖南": "HN", "广东": "GD", "广西": "GX", "海南": "HI", "重庆": "CQ", "四川": "SC", "贵州": "GZ",
	"云南": "YN", "西藏": "XZ", "陕西": "SN", "甘肃": "GS", "青海": "QH", "宁夏": "NX", "新疆": "XJ", "台湾": "TW",
	"香港": "HK", "澳门": "MO",
}

// ProvinceCode is the code of a province as the customer file names it
// (辽宁, 辽宁省, 内蒙古自治区; or a code already, LN), "" when unknown.
func ProvinceCode(name string) string {
	name = CleanText(name, false)
	r := []rune(name)
	if len(r) >= 2 {
		if code, ok := provinceCodes[string(r[:2])]; ok {
			return code
		}
	}
	up := strings.ToUpper(NormalizeDigits(name))
	for _, code := range provinceCodes {
		if up == code {
			return code
		}
	}
	return ""
}
