package tui

// The digits of the screens: 1–9 open the first nine and 0 the last, so
// the Users screen an administrator reaches last keeps 0 however many
// screens come before it. With more than ten, those between the ninth
// and the last have no digit and are reached with tab.

// screenDigit is the digit that opens screen i of n, or 0 for none.
func screenDigit(i, n int) rune {
	switch {
	case i < 9:
		return rune('1' + i)
	case i == n-1:
		return '0'
	}
	return 0
}

// screenOf is the screen a digit opens among n, or -1.
func screenOf(digit rune, n int) int {
	switch {
	case digit == '0' && n >= 10:
		return n - 1
	case digit >= '1' && digit <= '9' && int(digit-'1') < n:
		return int(digit - '1')
	}
	return -1
}
