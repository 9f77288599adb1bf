package tui

// moreTabs ends a bar whose screens without a digit did not all fit:
// tab reaches them still.
const moreTabs = "»"

// foldTabs says which tabs the bar shows: all of them where their
// (short) titles fit; otherwise the screens without a digit (reached
// with tab) give way, last first, to a » at the end of the bar, so the
// digits' tabs keep their titles whole rather than every title being
// cut. The screen shown is never folded. room is the width the shown
// tabs may take.
func (a *App) foldTabs(titles []string, pad int) (shown []int, room int) {
	shown = allTabs(len(titles))
	room = a.width
	for a.shownWidth(titles, shown, pad, nil) > room {
		at := -1
		for j := len(shown) - 1; j >= 0; j-- {
			if i := shown[j]; i != a.active && a.screenDigit(i) == 0 {
				at = j
				break
			}
		}
		if at < 0 {
			break
		}
		shown = append(shown[:at], shown[at+1:]...)
		// » takes its cell, and the space before it where tabs are
		// joined by spaces.
		room = a.width - 1
		if pad == 3 {
			room--
		}
	}
	return shown, room
}
