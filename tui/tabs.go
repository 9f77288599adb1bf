package tui

// The digits of the screens are fixed per screen (screenDefs): the same
// digit opens the same screen for every role, so a finance clerk's 6 and
// a sales clerk's 6 are both Shipping. Screens without one are reached
// with tab.

// screenDigit is the digit that opens screen i, or 0 for none.
func (a *App) screenDigit(i int) rune { return a.defs[i].digit }

// screenOf is the screen a digit opens, or -1 where the user has none.
func (a *App) screenOf(digit rune) int {
	for i, d := range a.defs {
		if d.digit != 0 && d.digit == digit {
			return i
		}
	}
	return -1
}
