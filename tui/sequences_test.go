package tui_test

import (
	"testing"
	"time"

	"orderdesk/tui/tuitest"
)

// Each of the desk's common sequences typed in one burst, every key sent
// before the first screen has even loaded, makes what it makes typed
// slowly (each key's answers applied before the next): the repeat-order
// call, an inquiry of three lines, finance's release of the last note
// waiting for payment, a receipt.
func TestCommonSequencesInOneBurst(t *testing.T) {
	for _, seq := range tuitest.Sequences {
		t.Run(seq.Name, func(t *testing.T) {
			f := tuitest.New(t)
			typist, made := seq.Setup(f)
			app := f.App(typist, "zh")
			defer app.Close()
			tuitest.Start(app)
			for _, k := range tuitest.StrokeKeys(seq.Strokes) {
				tuitest.Press(app, k)
			}
			if got := made(t); got != seq.Want {
				t.Fatalf("typed slowly, it made\n%s\nwant\n%s\nscreen:\n%s", got, seq.Want, app.Render())
			}

			f = tuitest.New(t)
			typist, made = seq.Setup(f)
			scr := tuitest.Run(t, f.App(typist, "zh"))
			scr.Send(tuitest.StrokeKeys(seq.Strokes)...)
			if got := tuitest.WaitMade(t, made, seq.Want, 10*time.Second); got != seq.Want {
				t.Fatalf("in one burst, it made\n%s\nwant\n%s\nscreen:\n%s", got, seq.Want, scr.Text())
			}
			scr.Quit(t)
		})
	}
}
