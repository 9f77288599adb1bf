package plans_test

import (
	"testing"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// desk is a fixture with a sales rep, two customers and two catalogue
// products (热轧钢板, 圆钢), at the screens' clock.
type desk struct {
	*tuitest.Fixture
	rep store.User
}

func newDesk(t *testing.T) desk {
	t.Helper()
	f, rep := tuitest.NewRepDesk(t,
		workflow.CustomerInput{Name: "沈阳钢铁有限公司", ShortName: "沈钢", City: "沈阳", Phone: "024-23456789", PaymentTerms: store.TermsPrepaid},
		workflow.CustomerInput{Name: "鞍山宏达钢材贸易有限公司", ShortName: "鞍山宏达", City: "鞍山", Phone: "0412-5551234", PaymentTerms: store.TermsPrepaid})
	return desk{Fixture: f, rep: rep}
}

// demoDesk is a fixture filled by the demo at the screens' clock: every
// rep's plans and targets.
func demoDesk(t *testing.T) *tuitest.Fixture { return tuitest.NewDemo(t, tuitest.SmallDemo()) }

// monthPlan is the keys of a rep's month plan for December with two
// lines, a customer by short name and a product group.
const monthPlan = "\t2026-12\t\t3\t巩固老客户,开发两家新客户\t" +
	"沈钢\t\t\t\t100\t480000\t\r" +
	"\t热轧钢板\t\t\t50\t240000\t"

// open starts user u's app in lang on the Plans screen at w×h, every
// answer applied.
func open(f *tuitest.Fixture, u store.User, lang string, w, h int) *tui.App {
	return f.OpenOn(u, lang, "screen.plans", w, h)
}

// text is the frame as read; mustShow fails unless it shows each text;
// fits fails on a line wider than the window.
var text, mustShow, fits = tuitest.Text, tuitest.MustShow, tuitest.Fits
