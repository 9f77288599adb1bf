package tui_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/tui/tuitest/benchkit"
	"orderdesk/workflow"
)

// BenchmarkInquiryFormKeystroke times one key typed into an inquiry form
// of 50 lines to the new screen: the app's Update and the whole frame's
// View, as the program does per key. Reports p50 and p99.
func BenchmarkInquiryFormKeystroke(b *testing.B) {
	f := tuitest.New(b)
	ctx := context.Background()
	if _, _, err := f.Engine.Desk(f.Clerk).CreateCustomer(ctx, workflow.CustomerInput{Name: "沈阳钢铁有限公司", ShortName: "沈钢",
		City: "沈阳", Phone: "024-23456789", PaymentTerms: store.TermsPrepaid}); err != nil {
		b.Fatal(err)
	}
	app := f.App(f.Clerk, "zh")
	defer app.Close()
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	// The first screen starts on the way back round the tabs, its first
	// page applied, as the program's Init would start it.
	tuitest.Press(app, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, tuitest.Key("tab"))
	key := func(k tea.KeyPressMsg) { tuitest.Press(app, k) }
	typ := func(s string) {
		for _, c := range s {
			key(tea.KeyPressMsg{Code: c, Text: string(c)})
		}
	}
	tab := tuitest.Key("tab")
	key(tea.KeyPressMsg{Code: 'N', Text: "N"})
	typ("sygt")
	key(tuitest.Key("enter"))
	for i := range 50 {
		if i > 0 {
			key(tuitest.Key("enter")) // from the last cell: a new line
		}
		for _, cell := range []string{"Q235B", "热轧钢板" + strconv.Itoa(i), "10x1500x6000", "25.5", "吨", "12-01"} {
			typ(cell)
			key(tab)
		}
		typ("切边")
	}
	if got := app.Render(); !strings.Contains(got, "热轧钢板49") {
		b.Fatalf("the form does not show line 50:\n%s", got)
	}
	keys := []tea.KeyPressMsg{{Code: '钢', Text: "钢"}, {Code: tea.KeyBackspace}}
	// What the key started (the draft's timer, in the background) is
	// applied between keys, as the program would, and not timed.
	var cmd tea.Cmd
	benchkit.Time(b, func(i int) {
		_, cmd = app.Update(keys[i%len(keys)])
		_ = app.View()
	}, func() { tuitest.Answer(app, cmd) })
}
