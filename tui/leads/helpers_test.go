package leads_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// desk is a fixture with a sales rep, a customer on file and a product
// of each grade leads ask for, at the screens' clock (2026-11-26).
type desk struct {
	*tuitest.Fixture
	rep store.User
}

func newDesk(t *testing.T) desk {
	t.Helper()
	f, rep := tuitest.NewRepDesk(t, workflow.CustomerInput{Name: "鞍山宏达钢构有限公司", ShortName: "宏达钢构",
		City: "鞍山", Phone: "0412-5551234", PaymentTerms: store.TermsPrepaid})
	return desk{Fixture: f, rep: rep}
}

// leads are what user u's desk lists.
func (d desk) leads(t *testing.T, u store.User) []store.Lead {
	t.Helper()
	ls, err := d.Engine.Desk(u).Leads(d.Ctx, workflow.LeadFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// demoDesk is a fixture filled by the demo at the screens' clock: every
// rep's leads in every stage.
func demoDesk(t *testing.T) *tuitest.Fixture { return tuitest.NewDemo(t, tuitest.SmallDemo()) }

// lead is the keys of a lead typed into a rep's form (no owner field):
// name, 助记码 (empty), contact, phone, e-mail, QQ/WeChat, source (→ to
// the exhibition), grades, specs, tonnes, next step and its day, notes.
const lead = "营口新港机械制造有限公司\t\t孙经理\t0417-2881234\t\t\t" + "\x1b[C\x1b[C\t" +
	"Q235B、45#\t10×1500×6000\t30\t电话回访\t11-30\t展会上留的名片"

// open starts user u's app in lang on the Leads screen at w×h, every
// answer applied.
func open(f *tuitest.Fixture, u store.User, lang string, w, h int) *tui.App {
	return f.OpenOn(u, lang, "screen.leads", w, h)
}

// text is the frame as read; mustShow fails unless it shows each text.
var text, mustShow = tuitest.Text, tuitest.MustShow

// tuitestLead is the rep's lead entered through the desk: an exhibition
// contact who may buy plate and round bar.
func tuitestLead() workflow.LeadInput {
	return workflow.LeadInput{Name: "营口新港机械制造有限公司", Contact: "孙经理", Phone: "0417-2881234", Source: "exhibition",
		Grades: "Q235B、45#", Specs: "10×1500×6000", Tonnes: "30", NextStep: "电话回访", NextOn: "2026-11-30"}
}

// tuitestSwitch shows a screen by its title key.
func tuitestSwitch(screen string) tea.Msg { return common.SwitchScreenMsg{Screen: screen} }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
