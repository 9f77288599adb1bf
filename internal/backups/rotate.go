package backups

import (
	"errors"
	"os"
	"sort"
	"time"
)

// Keep says which backups to keep of those taken at times: the newest
// of each of the last daily days that have one, and the newest of each
// of the last monthly months that have one (a copy can be both). Days
// and months are counted in each time's own location.
func Keep(times []time.Time, daily, monthly int) map[time.Time]bool {
	sorted := append([]time.Time(nil), times...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].After(sorted[j]) })
	keep := map[time.Time]bool{}
	if len(sorted) > 0 {
		keep[sorted[0]] = true
	}
	days, months := map[string]bool{}, map[string]bool{}
	for _, t := range sorted {
		day, month := t.Format("2006-01-02"), t.Format("2006-01")
		if !days[day] && len(days) < daily {
			days[day] = true
			keep[t] = true
		}
		if !months[month] && len(months) < monthly {
			months[month] = true
			keep[t] = true
		}
	}
	return keep
}

// Rotate deletes the backups of n's naming that Keep does not keep, and
// returns the files it deleted. Nothing else in the folder is touched.
func Rotate(n Naming, daily, monthly int) ([]string, error) {
	taken, err := n.Taken()
	if err != nil {
		return nil, err
	}
	times := make([]time.Time, 0, len(taken))
	for _, t := range taken {
		times = append(times, t)
	}
	keep := Keep(times, daily, monthly)
	var removed []string
	var errs []error
	for path, t := range taken {
		if keep[t] {
			continue
		}
		if err := os.Remove(path); err != nil {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, path)
	}
	sort.Strings(removed)
	return removed, errors.Join(errs...)
}
