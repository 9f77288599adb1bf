package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
)

// TestImportBatchFitsAt80: a price batch opened in Review at 80×24 keeps
// every line within 80 cells and the frame within 24 lines, with the
// batch's number, the day a price starts and the price whole.
func TestImportBatchFitsAt80(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			f := tuitest.New(t)
			var csv strings.Builder
			csv.WriteString("牌号,品名,规格,单位,单价,生效日期\n")
			for _, spec := range []string{"10×1500×6000", "12×1800×8000", "Φ50", "219×8", "20×2000×10000", "3×1250×2500", "6×1500×6000",
				"8×1500×6000", "14×2200×12000", "Φ120"} {
				csv.WriteString("Q345B,热轧低合金高强度结构钢板," + spec + ",t,123456.78,2026-12-01\n")
			}
			res, err := f.Engine.Desk(f.Clerk).Import(f.Ctx, store.ImportPrices, "价目表2026年12月(新).csv", []byte(csv.String()))
			f.Must(err)
			app := f.App(f.Supervisor, lang)
			defer app.Close()
			tuitest.Start(app)
			tuitest.Press(app, tea.WindowSizeMsg{Width: 80, Height: 24})
			for _, k := range tuitest.Keys("9\r") {
				tuitest.Press(app, k)
			}
			assertShownAt80(t, app, res.Ref, "10×1500×6000", "2026-12-01", "¥123,456.78")
			if n := len(strings.Split(strings.TrimRight(screenText(app), "\n"), "\n")); n > 24 {
				t.Errorf("%d lines at 80×24:\n%s", n, screenText(app))
			}
		})
	}
}
