package tui

// moreTabs ends a bar whose screens without a digit did not all fit:
// tab reaches them still.
const moreTabs = "»"

// foldTabs says which tabs the bar shows: all of them where their
// (short) titles fit; otherwise the screens without a digit (reached
// with tab) give way, last first, to a » at the end of the bar, so the
// digits' tabs keep their titles whole rather than every title being
// cut. The screen shown is never folded. room is the width the shown
// tabs may take, by tabsWidth's count.
func (a *App) foldTabs(titles []string, pad int) (shown []int, room int) {
	for i := range titles {
		shown = append(shown, i)
	}
	room = a.width
	for tabsWidth(pick(titles, shown), pad) > room {
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
		// tabsWidth counts a space after the last tab too: » takes it and one more.
		room = a.width - 1
	}
	return shown, room
}

// pick is titles at the indexes shown.
func pick(titles []string, shown []int) []string {
	out := make([]string, len(shown))
	for j, i := range shown {
		out[j] = titles[i]
	}
	return out
}
