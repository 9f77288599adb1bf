package tuitest

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"orderdesk/store"
	"orderdesk/tui"
)

// GoldenStep is one view of a screen's golden walk and the keys that
// reach it from the view before.
type GoldenStep struct {
	Name string
	Keys []tea.Msg
}

// Goldens walks steps in Chinese and English at 80×24 and 120×40, each
// walk in an app open builds for that language and size, and holds every
// view to its golden file (LANG_WxH_N_NAME), no line wider than the
// window. Refresh with go test -update.
func Goldens(t *testing.T, open func(lang string, width, height int) *tui.App, steps []GoldenStep) {
	t.Helper()
	for _, lang := range []string{"zh", "en"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			app := open(lang, size[0], size[1])
			for i, step := range steps {
				Press(app, step.Keys...)
				t.Run(fmt.Sprintf("%s_%dx%d_%d_%s", lang, size[0], size[1], i+1, step.Name), func(t *testing.T) {
					got := Text(app)
					fitsIn(t, got, size[0])
					golden.RequireEqual(t, []byte(got))
				})
			}
		}
	}
}

// Goldens walks steps (see Goldens) on screen, opened for user u.
func (f *Fixture) Goldens(t *testing.T, u store.User, screen string, steps []GoldenStep) {
	t.Helper()
	Goldens(t, func(lang string, w, h int) *tui.App { return f.OpenOn(u, lang, screen, w, h) }, steps)
}

// Back is the keys of a step that first leaves what is shown, esc
// pressed escs times, and then types typed (see Keys).
func Back(escs int, typed string) []tea.Msg {
	out := make([]tea.Msg, escs, escs+len(typed))
	for i := range out {
		out[i] = Key("esc")
	}
	return append(out, Keys(typed)...)
}
