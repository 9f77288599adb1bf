package visits

import "strconv"

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// parseID reads an id a choice holds (0: none).
func parseID(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}
