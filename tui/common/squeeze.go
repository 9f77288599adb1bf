package common

// Shrink names a column Squeeze may narrow and the narrowest it may get
// (0: it may vanish, as a trailing note may).
type Shrink struct {
	Col, Min int
	// Whole: the column goes all at once or stays as it is, so a date
	// that may give way is never cut to "20…"; the room it leaves
	// beyond what was needed stays blank.
	Whole bool
}

// Squeeze narrows the columns named, in the order named, each no further
// than its Min, until the table fits total cells: in a narrow window a
// long name or a note gives way before money is cut off the edge. A Keep
// column is narrowed no further than its widest cell (see Widen), unless
// it keeps its Tail: that one goes to its Min, cut at its head.
func Squeeze(cols []Column, total int, shrink ...Shrink) []Column {
	out := append([]Column(nil), cols...)
	over := len(out) - 1 - total
	for _, c := range out {
		over += c.Width
	}
	for _, s := range shrink {
		if over <= 0 {
			break
		}
		least := s.Min
		if out[s.Col].Keep && !out[s.Col].Tail {
			least = max(least, out[s.Col].need)
		}
		give := min(over, out[s.Col].Width-least)
		if s.Whole {
			give = out[s.Col].Width
		}
		if give > 0 {
			out[s.Col].Width -= give
			over -= give
		}
	}
	return out
}
