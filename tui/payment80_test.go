package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/tuitest"
)

// TestPaymentFormGateWrapsAt80: finance's payment form says why the gate
// holds the note on as many lines as it takes at 80 columns, not cut at
// the edge ("… finance mus").
func TestPaymentFormGateWrapsAt80(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			var release tuitest.Sequence
			for _, s := range tuitest.Sequences {
				if strings.HasPrefix(s.Name, "release") {
					release = s
				}
			}
			f := tuitest.New(t)
			typist, _ := release.Setup(f)
			app := f.App(typist, lang)
			defer app.Close()
			tuitest.Start(app)
			tuitest.Press(app, tea.WindowSizeMsg{Width: 80, Height: 24})
			for _, k := range tuitest.Keys("6G\rp") {
				tuitest.Press(app, k)
			}
			assertWholeAt80(t, app)
			text := strings.Join(strings.Fields(screenText(app)), " ")
			last := map[string]string{"en": "signed by finance or a supervisor)", "zh": "财务或主管签批)"}[lang]
			if !strings.Contains(text, last) {
				t.Fatalf("the gate's words are cut at 80 columns:\n%s", screenText(app))
			}
		})
	}
}
