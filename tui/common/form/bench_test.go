package form

import (
	"strconv"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkKeystroke50Lines is one key typed into the last line of a
// 50-line grid, then the form drawn, as the screen does per key.
func BenchmarkKeystroke50Lines(b *testing.B) {
	f := inquiryForm()
	f.SetSize(120, 40)
	for i := 1; i < 50; i++ {
		f.AddLine(map[string]string{"grade": "Q235B", "name": "热轧钢板" + strconv.Itoa(i), "qty": "25.5", "total": "98,175.00"})
	}
	f.FocusCell(49, "name")
	k := tea.KeyPressMsg{Code: '钢', Text: "钢"}
	bs := tea.KeyPressMsg{Code: tea.KeyBackspace}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			f.Update(k)
		} else {
			f.Update(bs)
		}
		_ = f.View()
	}
}
