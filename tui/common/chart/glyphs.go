package chart

// The marks. Each is one cell wide in every terminal, and each reads
// without colour.
const (
	MarkActual = "█" // what was done
	MarkPlan   = "┄" // the plan, where the actual falls short of it
	MarkToday  = "▲" // today, under the month line
	markNow    = "┊" // today's column above the actual
)

// eighths are the bottom-up blocks for 0…8 eighths of a cell.
var eighths = [9]string{" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

// fromTop are the blocks for a bar that hangs down from zero (a
// negative figure): a cell has no finer top-down blocks than these.
func fromTop(n int) string {
	switch {
	case n >= 8:
		return "█"
	case n >= 4:
		return "▀"
	case n >= 1:
		return "▔"
	}
	return " "
}

// fill is how many eighths of the cell row r (0 at the bottom) a column
// of e eighths fills.
func fill(e, r int) int { return min(max(e-8*r, 0), 8) }
