package sheet

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// floatNoise is a number as a program writing doubles stores it
// ("1234.5599999999999"): more decimals than anyone typed.
var floatNoise = regexp.MustCompile(`^-?[0-9]+\.[0-9]{10,}$`)

// Number returns cell text for a number of at most places decimals: the
// text as typed, or, where a writer stored a double's noise, the decimal
// it stands for rounded to places (decimal arithmetic, no float).
func Number(cell string, places int32) string {
	s := strings.TrimSpace(cell)
	if !floatNoise.MatchString(s) {
		return s
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return d.Round(places).String()
}

// excelEpoch is day 0 of Excel's serial dates (with its 1900 leap-year
// bug folded in, as every reader does).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// Day returns cell text for a day: an Excel serial day (a date cell read
// raw, "46357") as YYYY-MM-DD, anything else as it is.
func Day(cell string) string {
	s := strings.TrimSpace(cell)
	n, err := strconv.Atoi(strings.TrimSuffix(s, ".0"))
	if err != nil || n < 20000 || n > 80000 { // 1954 … 2119: a serial day, not a typed number
		return s
	}
	return excelEpoch.AddDate(0, 0, n).Format("2006-01-02")
}
