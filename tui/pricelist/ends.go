package pricelist

import (
	"time"

	"orderdesk/store"
)

// shownEnds are the last days the history shows for prices (newest start
// first, as PriceListHistory gives them). A price set without an end
// still ends the day before a later open-ended price of the same product
// and unit starts: from then on the later one is found, and the older
// never again. A later price with an end of its own replaces it only for
// a while, so it does not end the older one.
func shownEnds(prices []store.ListPrice) []string {
	ends := make([]string, len(prices))
	for i, p := range prices {
		ends[i] = p.ValidTo
		for _, later := range prices[:i] {
			if later.ValidTo != "" || later.Name != p.Name || later.Unit != p.Unit || later.ValidFrom <= p.ValidFrom {
				continue
			}
			if end := dayBefore(later.ValidFrom); end != "" && (ends[i] == "" || end < ends[i]) {
				ends[i] = end
			}
		}
	}
	return ends
}

// dayBefore is the day before a YYYY-MM-DD day, or "" if it is not one.
func dayBefore(day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, -1).Format(time.DateOnly)
}
