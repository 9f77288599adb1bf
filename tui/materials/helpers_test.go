package materials_test

import (
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// anshan is the customer the tests send to.
const anshan = "鞍山恒达重工机械有限公司"

// desk is a fixture with a sales rep (刘洋) beside the desk's clerk
// (王丽) and supervisor (赵主管), a customer of the rep's, at the
// screens' clock (2026-11-26).
type desk struct {
	*tuitest.Fixture
	rep  store.User
	cust int64
}

func newDesk(t *testing.T) desk {
	t.Helper()
	f, rep := tuitest.NewRepDesk(t)
	id, _, err := f.Engine.Desk(f.Clerk).CreateCustomer(f.Ctx, workflow.CustomerInput{Name: anshan, Contact: "张经理",
		PaymentTerms: store.TermsPrepaid, RepID: rep.ID})
	f.Must(err)
	return desk{Fixture: f, rep: rep, cust: id}
}

// send enters a catalogue sent by SF on day by u.
func (d desk) send(t *testing.T, u store.User, day, tracking string) store.MaterialSent {
	t.Helper()
	desk := d.Engine.Desk(u)
	id, err := desk.SendMaterial(d.Ctx, workflow.MaterialInput{CustomerID: d.cust, Contact: "张经理", What: "catalogue",
		Description: "产品目录", SentOn: day, Via: "courier", Courier: "sf", Tracking: tracking})
	d.Must(err)
	m, err := desk.Material(d.Ctx, id)
	d.Must(err)
	return m
}

// rows is the register as u sees it.
func (d desk) rows(t *testing.T, u store.User) []store.MaterialSent {
	t.Helper()
	ms, err := d.Engine.Desk(u).Materials(d.Ctx, "")
	d.Must(err)
	return ms
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
