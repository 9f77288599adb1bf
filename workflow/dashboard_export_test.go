package workflow

import "slices"

// RestateADay changes what v holds of one earlier day of the month, as
// a document restated there since it was read would.
func RestateADay(v *Dashboard) {
	v.rawDaily = slices.Clone(v.rawDaily)
	v.rawDaily[0].Ordered.Amount += 100
}
