package workflow

import "testing"

// A number with too many decimals is refused with the number the field
// takes: two for money, three for quantities and weights.
func TestTooManyPlacesSaysHowMany(t *testing.T) {
	for _, c := range []struct {
		name  string
		parse func() *FieldError
		want  int
	}{
		{"money", func() *FieldError { _, e := ParseMoneyField(FAmount, "5100.123"); return e }, 2},
		{"weight", func() *FieldError { _, e := ParseMilliField(FWeight, "25.3505"); return e }, 3},
		{"quantity", func() *FieldError { _, e := ParseMilliField(FQuantity, "2.0001"); return e }, 3},
	} {
		e := c.parse()
		if e == nil || e.Code != TooManyPlaces || e.Max != c.want {
			t.Errorf("%s: %+v, want %s with Max %d", c.name, e, TooManyPlaces, c.want)
		}
	}
}
